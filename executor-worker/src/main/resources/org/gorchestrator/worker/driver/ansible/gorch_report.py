# Reports to the gorchestrator worker, in lines on the standard output: the playbook's outputs (the
# data of set_stats, and debug messages, printed as they are so that NAME=value works as in a shell
# node) and each task that failed. Loaded from the directory in ANSIBLE_CALLBACK_PLUGINS.
import json

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'gorch_report'
    CALLBACK_NEEDS_ENABLED = False

    def v2_runner_on_ok(self, result):
        message = result._result.get('msg')
        if result._task.action in ('debug', 'ansible.builtin.debug') and isinstance(message, str):
            self._display.display(message)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        if not ignore_errors:
            self._failed(result)

    def v2_runner_on_unreachable(self, result):
        self._failed(result)

    def v2_playbook_on_stats(self, stats):
        self._display.display('::' + json.dumps({'outputs': stats.custom.get('_run', {})}, default=str) + '::')

    def _failed(self, result):
        failure = {'task': result.task_name, 'host': result._host.get_name(), 'msg': str(result._result.get('msg', ''))}
        self._display.display('::gorch-failed::' + json.dumps(failure, default=str))

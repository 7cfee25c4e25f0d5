package org.gorchestrator.api.http;

import org.gorchestrator.api.events.WorkflowEventService;
import org.gorchestrator.api.logs.NodeLogService;
import org.gorchestrator.api.view.FinishWaiters;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Lets the open requests that would otherwise hold a shutdown go, as it starts: a long poll
 * ({@code GET /v1/tasks/{id}?wait=}) answers with the task as it is, and a followed log closes
 * without its {@code end} event (its client comes back, to this instance once restarted or to
 * another), and so do the event streams. Without it the web server's graceful shutdown waits for them until its own timeout
 * (30 s by default): a Ctrl-C of a standalone system that clients follow took that long, after
 * the workers' own shutdown grace for the nodes still running.
 *
 * <p>The context publishes its closed event before it stops its lifecycle beans, the web server's
 * graceful shutdown among them, so this runs first.
 */
public final class ReleaseOnShutdown implements ApplicationListener<ContextClosedEvent> {
    private final FinishWaiters waiters;
    private final NodeLogService logs;
    private final WorkflowEventService events;

    public ReleaseOnShutdown(FinishWaiters waiters, NodeLogService logs, WorkflowEventService events) {
        this.waiters = waiters;
        this.logs = logs;
        this.events = events;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        waiters.wakeAll();
        logs.close();
        events.close();
    }
}

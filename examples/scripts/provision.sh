#!/bin/sh
# Pretends to provision a machine and reports two outputs the seed's graph declares for node d.
echo "provisioning in $(pwd) for workflow $GORCH_WORKFLOW_ID, node $GORCH_NODE_NAME, attempt $GORCH_ATTEMPT"
sleep 0.2
echo "network=10.0.0.0/24"
echo "ip_address=10.0.0.7"

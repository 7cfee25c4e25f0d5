package org.gorchestrator.api.admission;

import org.gorchestrator.api.config.AdmissionSettings;

/** The queues whose length tells how late newly accepted work would start. */
public enum Backlog {
    /** Submits, cancels and reruns the conductor has not read yet: a new submission waits behind them all. */
    WORKFLOW_COMMANDS("workflow-commands", "workflow commands the conductor has not read", "max-workflow-commands-lag"),
    /** Node results the conductor has not read yet: every workflow's next nodes wait behind them. */
    NODE_EVENTS("node-events", "node events the conductor has not read", "max-node-events-lag"),
    /** Nodes of one pool its workers have not finished yet: a new workflow's nodes of that pool wait behind them. */
    NODE_COMMANDS("node-commands", "node commands the workers have not finished", "max-node-commands-lag");

    private final String label;
    private final String description;
    private final String limitProperty;

    Backlog(String label, String description, String limitProperty) {
        this.label = label;
        this.description = description;
        this.limitProperty = limitProperty;
    }

    /** Its name in metrics and problems. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The property that sets its limit. */
    public String limitProperty() {
        return "gorch.api.admission." + limitProperty;
    }

    public long limit(AdmissionSettings settings) {
        return switch (this) {
            case WORKFLOW_COMMANDS -> settings.maxWorkflowCommandsLag();
            case NODE_EVENTS -> settings.maxNodeEventsLag();
            case NODE_COMMANDS -> settings.maxNodeCommandsLag();
        };
    }
}

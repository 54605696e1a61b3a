package se.samlyft.deploy;

/** A component that could not start or stopped running, and why. */
final class LaunchFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Component component;

    LaunchFailure(Component component, String reason, Throwable cause) {
        super(reason, cause);
        this.component = component;
    }

    LaunchFailure(Component component, String reason) {
        this(component, reason, null);
    }

    Component component() {
        return component;
    }
}

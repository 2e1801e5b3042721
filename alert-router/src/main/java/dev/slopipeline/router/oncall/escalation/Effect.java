package dev.slopipeline.router.oncall.escalation;

/** What the escalation asks its caller to do: deliver a notification, or append to the incident timeline. */
public sealed interface Effect permits Notify, TimelineEntry {

    String incident();
}

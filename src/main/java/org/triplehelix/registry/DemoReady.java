package org.triplehelix.registry;

/**
 * The registry's demo is in place: just loaded into an empty registry, or found there at start-up.
 * Published once per start when the demo is enabled ({@code helix.demo.enabled}), on the thread
 * that loaded it; the other modules' demo seeders add what they show on top of it.
 */
public record DemoReady() {
}

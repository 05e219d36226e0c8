package com.covalue.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * A stop asked for by a signal (SIGTERM from a supervisor, SIGINT from Ctrl-C) is a clean stop
 * and exits 0. Any other way out keeps its own status: an exit from a library, a rule or the web
 * server dying must not look like success to a supervisor deciding whether to restart.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger("covalue");

    private StopSignals() {
    }

    static void exitZeroOnSignal() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received", signal.getName());
                    System.exit(Main.OK); // runs the shutdown hooks, then exits 0
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("cannot handle SIG{} here: {}", name, e.getMessage());
            }
        }
    }
}

package dev.casebook.devstack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * What must stop when the JVM exits, stopped in the reverse order it started: the services before the database they
 * write to. The JVM runs its own shutdown hooks all at once, in no order, so that PostgreSQL would go down under
 * services still draining their requests (and a service that cannot finish in time leaves no start-up cache).
 */
public final class StopAtExit {

    private static final Deque<Registration> STARTED = new ArrayDeque<>();
    private static boolean hooked;

    private StopAtExit() {
    }

    /** Runs {@code stop} at exit, before everything registered earlier, unless {@link Registration#cancel}led. */
    public static synchronized Registration register(String name, Runnable stop) {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(StopAtExit::stopAll, "casebook-stop-at-exit"));
            hooked = true;
        }
        Registration registration = new Registration(name, stop);
        STARTED.push(registration);
        return registration;
    }

    private static void stopAll() {
        List<Registration> inOrder;
        synchronized (StopAtExit.class) {
            inOrder = new ArrayList<>(STARTED);
            STARTED.clear();
        }
        for (Registration registration : inOrder) {
            try {
                registration.stop.run();
            } catch (RuntimeException e) {
                System.err.println("casebook: stopping " + registration.name + " failed: " + e.getMessage());
            }
        }
    }

    /** A thing to stop at exit. */
    public static final class Registration {
        private final String name;
        private final Runnable stop;

        private Registration(String name, Runnable stop) {
            this.name = name;
            this.stop = stop;
        }

        /** Stopped by its owner already: nothing to do at exit. */
        public void cancel() {
            synchronized (StopAtExit.class) {
                STARTED.remove(this);
            }
        }
    }
}

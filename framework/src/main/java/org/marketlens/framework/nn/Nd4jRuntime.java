package org.marketlens.framework.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads the ND4J backend. Inside OSGi the ND4J jars sit on the launcher's class path (their natives bind to one class
 * loader and must never be updated in place) and the backend is found with {@link java.util.ServiceLoader}, which
 * looks at the thread context class loader: it is set to ND4J's own loader for the first touch.
 */
public final class Nd4jRuntime {
    private static volatile boolean loaded;

    private Nd4jRuntime() {
    }

    /** Loads the backend once; cheap afterwards. */
    public static void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (loaded) {
                return;
            }
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            try {
                thread.setContextClassLoader(Nd4j.class.getClassLoader());
                Nd4j.getBackend();
                Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
                loaded = true;
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }
}

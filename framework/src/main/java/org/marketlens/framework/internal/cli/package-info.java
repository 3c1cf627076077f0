/**
 * The command line of the {@code marketlens} launcher, running inside OSGi: one DS component registers a
 * {@code java.util.function.Function<String[], Integer>} with {@code marketlens.gateway=cli} for the launcher and Gogo
 * commands {@code marketlens:list|run|demo} for the shell; picocli parses the commands. Private to the framework
 * bundle (not exported).
 */
package org.marketlens.framework.internal.cli;

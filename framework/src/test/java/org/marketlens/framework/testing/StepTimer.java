package org.marketlens.framework.testing;

import java.lang.management.ManagementFactory;

/**
 * Times training steps for benchmark mains: a {@link FixedTrainingContext.ProgressListener} that starts the wall and
 * process-CPU clocks when {@code warmup} steps are done (JIT and graph set-up stay untimed) and, with a positive step
 * budget, cancels the training once that many steps after the warm-up are done. Wire it with
 * {@code ctx.onProgress(timer).cancelWhen(timer::cancelled)}.
 */
public final class StepTimer implements FixedTrainingContext.ProgressListener {
    private final int warmup;
    private final long steps;
    private long start = System.nanoTime();
    private long cpuStart = cpuNanos();
    private long done;
    private long total;

    /**
     * @param warmup untimed steps (progress arrives every 20 steps, so 1 plus a multiple of 20)
     * @param steps  timed steps after which training is cancelled; 0 never cancels
     */
    public StepTimer(int warmup, long steps) {
        this.warmup = warmup;
        this.steps = steps;
    }

    @Override
    public void progress(String stage, long doneSteps, long totalSteps) {
        total = totalSteps;
        if (doneSteps == warmup) {
            start = System.nanoTime();
            cpuStart = cpuNanos();
        } else if (doneSteps > warmup) {
            done = doneSteps - warmup;
        }
    }

    /** @return whether the step budget is spent */
    public boolean cancelled() {
        return steps > 0 && done >= steps;
    }

    /** @return the steps timed so far */
    public long timedSteps() {
        return done;
    }

    /** @return the steps of one epoch, as the trainer last reported them */
    public long stepsPerEpoch() {
        return total;
    }

    /** @return wall milliseconds per timed step */
    public double msPerStep() {
        return (System.nanoTime() - start) / 1e6 / done;
    }

    /** @return process CPU milliseconds per timed step (every thread: kernel pool, native, JIT, GC) */
    public double cpuMsPerStep() {
        return (cpuNanos() - cpuStart) / 1e6 / done;
    }

    /** @return the CPU time of this process, every thread */
    public static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}

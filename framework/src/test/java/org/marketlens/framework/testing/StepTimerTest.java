package org.marketlens.framework.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The step clock of the benchmark mains, wired into {@link FixedTrainingContext}. */
class StepTimerTest {
    @Test
    void cancelsAfterTheBudgetCountedFromTheWarmup() {
        StepTimer timer = new StepTimer(21, 40);
        FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1).onProgress(timer).cancelWhen(timer::cancelled);
        ctx.progress("epoch 1", 1, 500);
        ctx.progress("epoch 1", 21, 500);
        assertEquals(0, timer.timedSteps());
        assertFalse(ctx.cancelled());
        ctx.progress("epoch 1", 41, 500);
        assertEquals(20, timer.timedSteps());
        assertFalse(ctx.cancelled());
        ctx.progress("epoch 1", 61, 500);
        assertEquals(40, timer.timedSteps());
        assertEquals(500, timer.stepsPerEpoch());
        assertTrue(ctx.cancelled());
        assertTrue(timer.msPerStep() >= 0);
    }

    @Test
    void aZeroBudgetNeverCancels() {
        StepTimer timer = new StepTimer(21, 0);
        FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1).onProgress(timer).cancelWhen(timer::cancelled);
        ctx.progress("epoch 1", 5001, 5568);
        assertEquals(4980, timer.timedSteps());
        assertFalse(ctx.cancelled());
    }

    @Test
    void aPlainContextReportsNothingAndNeverCancels() {
        FixedTrainingContext ctx = new FixedTrainingContext(1, 1, 1);
        ctx.progress("epoch 1", 1, 1);
        assertFalse(ctx.cancelled());
    }
}

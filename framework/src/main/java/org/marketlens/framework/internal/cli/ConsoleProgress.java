package org.marketlens.framework.internal.cli;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.marketlens.framework.experiment.Progress;

/**
 * Draws experiment progress on the error stream with the progressbar library: one bar per task (a new task name
 * closes the previous bar), messages on lines of their own. The bar is redrawn on one line with carriage returns, so
 * a log file gets a line per refresh at most every second.
 */
final class ConsoleProgress implements Progress, AutoCloseable {
    private static final int WIDTH = 100;
    private final PrintStream err;
    private ProgressBar bar;
    private String task;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String task, long done, long total) {
        if (bar == null || !task.equals(this.task)) {
            close();
            this.task = task;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 1))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(1000).continuousUpdate()
                    .setConsumer(new ConsoleProgressBarConsumer(err, WIDTH)).build();
        }
        bar.maxHint(Math.max(total, 1));
        bar.stepTo(done);
    }

    @Override
    public synchronized void message(String line) {
        close();
        err.println(line);
        err.flush();
    }

    /** Finishes the current bar, if any. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
            task = null;
        }
    }
}

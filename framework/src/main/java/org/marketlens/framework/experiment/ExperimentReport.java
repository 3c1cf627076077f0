package org.marketlens.framework.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marketlens.api.eval.EvaluationResult;

/**
 * What an experiment produced.
 *
 * @param table      the comparison table of the test results
 * @param results    label to the test result (per-case values, repetitions concatenated)
 * @param provenance the provenance written beside the results
 * @param files      files written (report.md, results.json, model snapshots)
 */
public record ExperimentReport(ComparisonTable table, Map<String, EvaluationResult> results,
                               Map<String, Object> provenance, List<Path> files) {
    /** @return the Markdown report */
    public String markdown() {
        return table.markdown();
    }
}

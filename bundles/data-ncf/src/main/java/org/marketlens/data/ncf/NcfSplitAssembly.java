package org.marketlens.data.ncf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.data.ncf.NcfFiles.NegativeLine;
import org.marketlens.data.ncf.NcfFiles.RatingLine;
import org.marketlens.framework.data.CaseChecksum;
import org.marketlens.framework.data.DenseIdMap;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;

/**
 * Parses every file of one NCF split in its constructor (so errors surface before anything is built), then assembles
 * id maps, the training data, all interactions and the held-out cases. A case's context is its user's training
 * items in file order without the case's own positive (the {@link EvalCase} contract; ml-100k-loo has no such
 * overlap, a count is recorded as {@code positivesInTrainContext}).
 */
final class NcfSplitAssembly {
    private final List<Path> files = new ArrayList<>();
    private final List<RatingLine> train;
    private final List<RatingLine> test;
    private final List<NegativeLine> testNegatives;
    private final List<RatingLine> validation;
    private final List<NegativeLine> validationNegatives;
    private final DenseIdMap users;
    private final DenseIdMap items;

    /**
     * @param validationRating validation ratings, or null when the split has none
     * @param validationNegative validation negatives (required with {@code validationRating})
     * @throws IOException naming the file and line of the first problem
     */
    NcfSplitAssembly(Path trainRating, Path testRating, Path testNegative, Path validationRating,
                     Path validationNegative) throws IOException {
        float noRating = InteractionData.NO_RATING;
        long noTime = InteractionData.NO_TIME;
        train = NcfFiles.readRatings(trainRating, noRating, noTime);
        test = NcfFiles.readRatings(testRating, noRating, noTime);
        testNegatives = NcfFiles.readNegatives(testNegative, testRating, test);
        files.addAll(List.of(trainRating, testRating, testNegative));
        if (validationRating != null) {
            validation = NcfFiles.readRatings(validationRating, noRating, noTime);
            validationNegatives = NcfFiles.readNegatives(validationNegative, validationRating, validation);
            files.addAll(List.of(validationRating, validationNegative));
        } else {
            validation = List.of();
            validationNegatives = List.of();
        }
        if (train.isEmpty()) {
            throw new IOException(trainRating + ": expected at least one training interaction, found none");
        }
        List<String> userIds = new ArrayList<>();
        List<String> itemIds = new ArrayList<>();
        for (List<RatingLine> lines : List.of(train, validation, test)) {
            for (RatingLine r : lines) {
                userIds.add(r.user());
                itemIds.add(r.item());
            }
        }
        for (List<NegativeLine> lines : List.of(validationNegatives, testNegatives)) {
            for (NegativeLine n : lines) {
                itemIds.addAll(n.negatives());
            }
        }
        users = NcfIds.of(userIds);
        items = NcfIds.of(itemIds);
    }

    /** @return the files read, in reading order */
    List<Path> files() {
        return List.copyOf(files);
    }

    /** @return train, validation and test interactions together */
    InteractionData all() {
        InteractionsBuilder b = Interactions.builder(users, items);
        for (List<RatingLine> lines : List.of(train, validation, test)) {
            add(b, lines);
        }
        return b.build();
    }

    /**
     * @param protocol the protocol name recorded in the split
     * @return the published split
     */
    Split split(String protocol) {
        InteractionsBuilder b = Interactions.builder(users, items);
        add(b, train);
        Interactions trainData = b.build();
        int[][] contexts = contexts();
        int[] overlaps = new int[1];
        List<EvalCase> validationCases = cases(validation, validationNegatives, contexts, overlaps);
        List<EvalCase> testCases = cases(test, testNegatives, contexts, overlaps);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("numUsers", users.size());
        facts.put("numItems", items.size());
        facts.put("trainInteractions", trainData.size());
        facts.put("validationCases", validationCases.size());
        facts.put("testCases", testCases.size());
        facts.put("positivesInTrainContext", overlaps[0]);
        facts.put("testChecksum", CaseChecksum.of(testCases));
        facts.put("validationChecksum", CaseChecksum.of(validationCases));
        return new Split(protocol, trainData, validationCases, testCases, facts);
    }

    private void add(InteractionsBuilder b, List<RatingLine> lines) {
        for (RatingLine r : lines) {
            b.add(users.index(r.user()), items.index(r.item()), r.rating(), r.time(), InteractionData.NO_GROUP);
        }
    }

    /** @return each user's training items in file order */
    private int[][] contexts() {
        int[] counts = new int[users.size()];
        for (RatingLine r : train) {
            counts[users.index(r.user())]++;
        }
        int[][] out = new int[users.size()][];
        for (int u = 0; u < out.length; u++) {
            out[u] = new int[counts[u]];
        }
        int[] fill = new int[users.size()];
        for (RatingLine r : train) {
            int u = users.index(r.user());
            out[u][fill[u]++] = items.index(r.item());
        }
        return out;
    }

    private List<EvalCase> cases(List<RatingLine> lines, List<NegativeLine> negatives, int[][] contexts,
                                 int[] overlaps) {
        List<EvalCase> out = new ArrayList<>(lines.size());
        for (int c = 0; c < lines.size(); c++) {
            int u = users.index(lines.get(c).user());
            int positive = items.index(lines.get(c).item());
            int[] context = contexts[u];
            if (Arrays.stream(context).anyMatch(i -> i == positive)) {
                overlaps[0]++;
                context = Arrays.stream(context).filter(i -> i != positive).toArray();
            }
            int[] negativeItems = negatives.get(c).negatives().stream().mapToInt(items::index).toArray();
            out.add(new EvalCase(u, InteractionData.NO_GROUP, context, new int[] {positive}, negativeItems));
        }
        return out;
    }
}

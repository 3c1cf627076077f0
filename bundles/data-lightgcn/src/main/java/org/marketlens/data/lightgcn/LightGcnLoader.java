package org.marketlens.data.lightgcn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.data.EvalCase;
import org.marketlens.api.data.InteractionData;
import org.marketlens.api.data.Split;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.data.CaseChecksum;
import org.marketlens.framework.data.Interactions;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.LoaderParams;
import org.marketlens.framework.data.SourceFacts;
import org.marketlens.framework.data.SourceLines;
import org.osgi.service.component.annotations.Component;

/**
 * LightGCN-format data published already split (e.g. {@code ml-1m-implicit-lightgcn}): a folder with
 * {@code train.txt}, optionally {@code valid.txt}, and {@code test.txt}, one line per user. The dataset holds every
 * interaction and the published split as {@link Dataset#presplit()}: full-ranking cases (no sampled negatives) whose
 * positives are the user's validation or test items and whose context is the user's known history (training items
 * for validation; training and validation items for test, so full ranking skips them). Held-out items that never
 * occur in training are dropped and counted (MODELS.md A-4), and so are held-out items the user already has in
 * training (or, for test, in validation), so that no case ranks an item it also excludes. Parameters: {@code path} (the folder; required),
 * {@code name}. Preprocessing keys are rejected because they would invalidate the published split.
 */
@Component(property = PluginProperties.NAME + "=" + LightGcnLoader.NAME)
public final class LightGcnLoader implements DatasetLoader {
    static final String NAME = "lightgcn";
    private static final int TRAIN = 0;
    private static final int VALID = 1;
    private static final int TEST = 2;

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        LoaderParams p = new LoaderParams(NAME, params);
        for (String key : List.of("kcore", "likeThreshold", "binarize", "dedupe", "minGroupSize")) {
            if (p.has(key)) {
                throw new IllegalArgumentException("loader 'lightgcn': '" + key + "' would change the published split");
            }
        }
        Path folder = p.path("path");
        SourceFacts facts = new SourceFacts(NAME, params);
        InteractionsBuilder builder = Interactions.builder();
        String[] names = {"train.txt", "valid.txt", "test.txt"};
        for (int part = TRAIN; part <= TEST; part++) {
            Path file = folder.resolve(names[part]);
            if (part == VALID && !Files.exists(file)) {
                continue;
            }
            try (SourceLines source = SourceLines.open(file, StandardCharsets.UTF_8)) {
                new UserLineFiles().read(source, builder, part);
                facts.file(source);
            }
        }
        // The group field carried the part while reading; the dataset itself is ungrouped.
        Interactions tagged = builder.build();
        int[] partOf = new int[tagged.size()];
        InteractionsBuilder plain = Interactions.builder(tagged.users(), tagged.items());
        for (int u = 0; u < tagged.numUsers(); u++) {
            for (int k = tagged.userStart(u); k < tagged.userEnd(u); k++) {
                partOf[k] = tagged.group(k);
                plain.add(u, tagged.item(k), InteractionData.NO_RATING, InteractionData.NO_TIME,
                        InteractionData.NO_GROUP);
            }
        }
        Interactions all = plain.build();
        Split split = split(all, partOf);
        facts.put("presplit", split.facts());
        String name = p.string("name", folder.getFileName().toString());
        return new Dataset(name, all, Optional.of(split), facts.finish(all));
    }

    static Split split(Interactions all, int[] partOf) {
        Interactions train = Interactions.subset(all, k -> partOf[k] == TRAIN);
        int[] trainCounts = Interactions.itemCounts(train);
        List<EvalCase> validation = new ArrayList<>();
        List<EvalCase> test = new ArrayList<>();
        int dropped = 0;
        int overlapping = 0;
        for (int u = 0; u < all.numUsers(); u++) {
            int user = u;
            int[] trainItems = train.itemsOf(u);
            int[] validItems = heldOut(all, partOf, u, VALID);
            int[] testItems = heldOut(all, partOf, u, TEST);
            // A held-out item the user already has in an earlier part is known, not held out.
            int[] validNew = IntStream.of(validItems).filter(i -> !train.contains(user, i)).toArray();
            int[] testNew = IntStream.of(testItems)
                    .filter(i -> !train.contains(user, i) && IntStream.of(validItems).noneMatch(v -> v == i)).toArray();
            overlapping += validItems.length - validNew.length + testItems.length - testNew.length;
            int[] validWarm = IntStream.of(validNew).filter(i -> trainCounts[i] > 0).toArray();
            int[] testWarm = IntStream.of(testNew).filter(i -> trainCounts[i] > 0).toArray();
            dropped += validNew.length - validWarm.length + testNew.length - testWarm.length;
            if (validWarm.length > 0) {
                validation.add(new EvalCase(user, InteractionData.NO_GROUP, trainItems, validWarm, null));
            }
            if (testWarm.length > 0) {
                int[] known = IntStream.concat(IntStream.of(trainItems), IntStream.of(validItems)).toArray();
                test.add(new EvalCase(user, InteractionData.NO_GROUP, known, testWarm, null));
            }
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("protocol", "published");
        facts.put("trainInteractions", train.size());
        facts.put("validationCases", validation.size());
        facts.put("testCases", test.size());
        facts.put("droppedColdPositives", dropped);
        facts.put("droppedKnownPositives", overlapping);
        facts.put("testChecksum", CaseChecksum.of(test));
        return new Split("lightgcn-published", train, validation, test, facts);
    }

    private static int[] heldOut(Interactions all, int[] partOf, int user, int part) {
        return Arrays.stream(IntStream.range(all.userStart(user), all.userEnd(user))
                .filter(k -> partOf[k] == part).map(all::item).toArray()).distinct().toArray();
    }
}

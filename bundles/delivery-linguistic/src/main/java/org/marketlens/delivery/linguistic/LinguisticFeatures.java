package org.marketlens.delivery.linguistic;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.marketlens.api.delivery.AuthorRole;
import org.marketlens.api.delivery.Comment;
import org.marketlens.api.delivery.Feature;
import org.marketlens.api.delivery.FeatureBlock;
import org.marketlens.api.delivery.FeatureExtractor;
import org.marketlens.api.delivery.Project;
import org.marketlens.api.delivery.TimePoint;
import org.marketlens.api.delivery.Update;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.delivery.TimePoints;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Linguistic features, MODELS.md §1.4.5 (TP4 only): the {@link Lexicon} category percentages of a project's
 * concatenated creator updates ({@code liwc.updates.<category>}) and of its concatenated backer comments
 * ({@code liwc.comments.<category>}), both up to TP4. On the training projects, each side keeps the categories whose
 * Welch two-sample t-test between on-time and late projects has {@code p < 0.05 / #categories} (Bonferroni, A-15);
 * the selection looks at labels, so it runs inside each training fold. The lexicon is a LIWC-format
 * {@code .dic} file named by the {@code lexicon} option, or, when none is given, the small open lexicon shipped in
 * this bundle ({@code open-lexicon.dic}: 10 categories of our own, not LIWC's).
 */
@Component(service = FeatureExtractor.class, property = PluginProperties.NAME + "=" + LinguisticFeatures.GROUP)
@Designate(ocd = LinguisticFeatures.Config.class)
public final class LinguisticFeatures implements FeatureExtractor {
    static final String GROUP = "linguistic";
    static final String DEFAULT_LEXICON = "open-lexicon.dic";

    /** Configuration. */
    @ObjectClassDefinition(name = "Linguistic (LIWC-format) features")
    public @interface Config {
        /** @return lexicon path */
        @AttributeDefinition(description = "a LIWC-format .dic file; empty = the bundled open lexicon")
        String lexicon() default "";

        /** @return family-wise alpha */
        @AttributeDefinition(description = "alpha before the Bonferroni division by the number of categories (0.05)")
        double alpha() default 0.05;
    }

    private Lexicon lexicon;
    private double alpha = 0.05;

    /** The bundled open lexicon, alpha 0.05. */
    public LinguisticFeatures() {
        this.lexicon = bundled();
    }

    /**
     * @param dic   a LIWC-format lexicon
     * @param alpha alpha before the Bonferroni division
     * @throws IOException when the lexicon is malformed
     */
    public LinguisticFeatures(Reader dic, double alpha) throws IOException {
        this.lexicon = Lexicon.parse(dic, "lexicon");
        this.alpha = alpha;
    }

    @Activate
    void activate(Config c) throws IOException {
        alpha = c.alpha();
        if (c.lexicon().isBlank()) {
            lexicon = bundled();
        } else {
            Path p = Path.of(c.lexicon());
            try (Reader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                lexicon = Lexicon.parse(r, p.toString());
            }
        }
    }

    private static Lexicon bundled() {
        try (InputStream in = LinguisticFeatures.class.getResourceAsStream(DEFAULT_LEXICON)) {
            if (in == null) {
                throw new IllegalStateException("the bundled " + DEFAULT_LEXICON + " is missing");
            }
            return Lexicon.parse(new InputStreamReader(in, StandardCharsets.UTF_8), DEFAULT_LEXICON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String group() {
        return GROUP;
    }

    @Override
    public FeatureBlock fit(List<Project> training, TimePoint tp, long seed) {
        Lexicon lex = lexicon;
        List<Feature> features = new ArrayList<>();
        int[] updateCats = new int[0];
        int[] commentCats = new int[0];
        if (tp == TimePoint.TP4) {
            double[][] updates = new double[training.size()][];
            double[][] comments = new double[training.size()][];
            boolean[] late = new boolean[training.size()];
            for (int i = 0; i < training.size(); i++) {
                Project p = training.get(i);
                updates[i] = lex.score(updateText(p));
                comments[i] = lex.score(commentText(p));
                late[i] = Boolean.TRUE.equals(p.label().late());
            }
            double level = alpha / lex.categories().size();
            updateCats = CategorySelection.kept(updates, late, level);
            commentCats = CategorySelection.kept(comments, late, level);
            for (int c : updateCats) {
                features.add(new Feature("liwc.updates." + lex.categories().get(c), GROUP, TimePoint.TP4, false));
            }
            for (int c : commentCats) {
                features.add(new Feature("liwc.comments." + lex.categories().get(c), GROUP, TimePoint.TP4, false));
            }
        }
        int[] uc = updateCats;
        int[] cc = commentCats;
        return new FeatureBlock() {
            @Override
            public List<Feature> features() {
                return features;
            }

            @Override
            public double[] extract(Project p) {
                double[] v = new double[features.size()];
                if (v.length == 0) {
                    return v;
                }
                double[] u = lex.score(updateText(p));
                double[] c = lex.score(commentText(p));
                int k = 0;
                for (int j : uc) {
                    v[k++] = u[j];
                }
                for (int j : cc) {
                    v[k++] = c[j];
                }
                return v;
            }
        };
    }

    /** Creator updates up to TP4, concatenated. */
    static String updateText(Project p) {
        StringBuilder sb = new StringBuilder();
        Instant cutoff = TimePoints.cutoff(p, TimePoint.TP4);
        for (Update u : p.updates()) {
            if (!u.time().isAfter(cutoff)) {
                sb.append(u.text()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Backer comments up to TP4, concatenated. */
    static String commentText(Project p) {
        StringBuilder sb = new StringBuilder();
        Instant cutoff = TimePoints.cutoff(p, TimePoint.TP4);
        for (Comment c : p.comments()) {
            if (c.role() == AuthorRole.BACKER && !c.time().isAfter(cutoff)) {
                sb.append(c.text()).append('\n');
            }
        }
        return sb.toString();
    }
}

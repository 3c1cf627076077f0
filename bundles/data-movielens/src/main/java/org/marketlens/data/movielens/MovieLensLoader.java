package org.marketlens.data.movielens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.marketlens.api.data.Dataset;
import org.marketlens.api.data.DatasetLoader;
import org.marketlens.api.rec.PluginProperties;
import org.marketlens.framework.data.DatasetAssembly;
import org.marketlens.framework.data.DelimitedFormat;
import org.marketlens.framework.data.LoaderParams;
import org.osgi.service.component.annotations.Component;

/**
 * MovieLens explicit ratings with timestamps (MODELS.md §2.11 ML-10M/20M, §4.9 ML-100k/ML-1M). Parameters:
 * {@code path} (a rating file or a MovieLens folder; required), optionally {@code format}
 * ({@code u.data}, {@code ratings.dat}, {@code ratings.csv}; default from the file name), {@code name}, and the
 * preprocessing keys of {@link org.marketlens.framework.preprocess.Preprocessing} (e.g. {@code likeThreshold=4,
 * dislikeThreshold=2, kcore=5} for Chapter 4.2, {@code binarize=true} for Chapter 5.2). Ratings are kept unless
 * binarised, so models can tell likes from dislikes.
 */
@Component(property = PluginProperties.NAME + "=" + MovieLensLoader.NAME)
public final class MovieLensLoader implements DatasetLoader {
    static final String NAME = "movielens";

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        LoaderParams p = new LoaderParams(NAME, params);
        Path file = MovieLensFiles.ratingFile(p.path("path"));
        DelimitedFormat format = switch (p.string("format", "auto")) {
            case "auto" -> MovieLensFiles.formatOf(file);
            case "u.data" -> MovieLensFiles.U_DATA;
            case "ratings.dat" -> MovieLensFiles.RATINGS_DAT;
            case "ratings.csv" -> MovieLensFiles.RATINGS_CSV;
            default -> throw new IllegalArgumentException(
                    "loader 'movielens': format must be auto, u.data, ratings.dat or ratings.csv");
        };
        return DatasetAssembly.readDelimited(NAME, List.of(file), format, params);
    }
}

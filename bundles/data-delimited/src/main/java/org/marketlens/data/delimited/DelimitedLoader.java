package org.marketlens.data.delimited;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * Any delimited interaction file, mapped by parameters: {@code path} (or {@code paths}, comma-separated, read in
 * order into one dataset), {@code delimiter} (default tab), {@code quoted}, {@code header}, {@code userColumn}
 * (default 0), {@code itemColumn} (default 1), {@code ratingColumn}, {@code timeColumn}, {@code groupColumn} (index
 * or header name; absent by default), {@code timeFormat} (default {@code epoch}), {@code name}, plus the
 * preprocessing keys of {@link org.marketlens.framework.preprocess.Preprocessing}. Example for the ReChorus Amazon
 * files: {@code header=true, timeColumn=time}.
 */
@Component(property = PluginProperties.NAME + "=" + DelimitedLoader.NAME)
public final class DelimitedLoader implements DatasetLoader {
    static final String NAME = "delimited";
    static final DelimitedFormat DEFAULT = new DelimitedFormat("\t", false, false, "0", "1", null, null, null, "epoch");

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        LoaderParams p = new LoaderParams(NAME, params);
        List<Path> paths = new ArrayList<>();
        if (p.has("paths")) {
            for (String s : p.string("paths", "").split(",")) {
                if (!s.isBlank()) {
                    paths.add(Path.of(s.strip()));
                }
            }
        } else {
            paths.add(p.path("path"));
        }
        return DatasetAssembly.readDelimited(NAME, paths, DelimitedFormat.from(p, DEFAULT), params);
    }
}

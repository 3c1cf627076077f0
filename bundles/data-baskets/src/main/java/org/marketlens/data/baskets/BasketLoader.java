package org.marketlens.data.baskets;

import java.io.IOException;
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
 * Shopping-basket data for the basket task (MODELS.md §4.1, §4.9 Table 5.2): rows of (user, transaction, item); the
 * transaction column becomes the interaction group, so all items of one transaction form one basket. Parameters:
 * {@code path} (required); {@code format} = {@code tsv} (default: the derived {@code tafeng_baskets.tsv}, header
 * {@code user_id basket_seq item_id}, no times: basket order is file order) or {@code tafeng} (the original Ta-Feng
 * CSV: {@code TRANSACTION_DT,CUSTOMER_ID,...,PRODUCT_ID,...}; a basket is one customer's purchases on one date,
 * which is also the time); any key of {@link DelimitedFormat#from} overrides the preset (e.g.
 * {@code groupColumn=order_id}); plus the preprocessing keys of
 * {@link org.marketlens.framework.preprocess.Preprocessing} ({@code minGroupSize=5} drops transactions with fewer
 * than 5 items, as in the dissertation).
 */
@Component(property = PluginProperties.NAME + "=" + BasketLoader.NAME)
public final class BasketLoader implements DatasetLoader {
    static final String NAME = "baskets";
    static final DelimitedFormat TSV = new DelimitedFormat("\t", false, true, "user_id", "item_id", null, null,
            "basket_seq", "epoch");
    static final DelimitedFormat TAFENG = new DelimitedFormat(",", true, true, "CUSTOMER_ID", "PRODUCT_ID", null,
            "TRANSACTION_DT", "TRANSACTION_DT", "M/d/yyyy");

    @Override
    public Dataset load(Map<String, Object> params) throws IOException {
        LoaderParams p = new LoaderParams(NAME, params);
        DelimitedFormat preset = switch (p.string("format", "tsv")) {
            case "tsv" -> TSV;
            case "tafeng" -> TAFENG;
            default -> throw new IllegalArgumentException("loader 'baskets': format must be tsv or tafeng");
        };
        return DatasetAssembly.readDelimited(NAME, List.of(p.path("path")), DelimitedFormat.from(p, preset), params);
    }
}

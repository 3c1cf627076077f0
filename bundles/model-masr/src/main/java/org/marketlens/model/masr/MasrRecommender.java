package org.marketlens.model.masr;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.marketlens.api.rec.Query;
import org.marketlens.api.rec.Recommender;

/**
 * A MASR (Eq. 4.29): the frozen MDR and MASS asked for the same query and candidates, their scores fused with α by
 * {@link MasrFusion}. Its snapshot is a zip of a header ({@value #HEADER_ENTRY}: format, model, α, whether α was
 * tuned), the MDR snapshot ({@value #MDR_ENTRY}) and the MASS snapshot ({@value #MASS_ENTRY}), each part written and
 * restored by its own provider.
 */
final class MasrRecommender implements Recommender {
    static final String HEADER_ENTRY = "masr.properties";
    static final String MDR_ENTRY = "MDR";
    static final String MASS_ENTRY = "MASS";
    static final String FORMAT = "1";
    private final Recommender mdr;
    private final Recommender mass;
    private final double alpha;
    private final boolean tuned;

    /**
     * @param mdr   the frozen MDR
     * @param mass  the frozen MASS
     * @param alpha weight of MDR, in [0, 1]
     * @param tuned whether α was chosen on the validation cases
     */
    MasrRecommender(Recommender mdr, Recommender mass, double alpha, boolean tuned) {
        if (mdr.numItems() != mass.numItems()) {
            throw new IllegalArgumentException("MASR parts disagree on the items: MDR scores " + mdr.numItems()
                    + ", MASS " + mass.numItems());
        }
        this.mdr = mdr;
        this.mass = mass;
        this.alpha = MasrFusion.checkAlpha(alpha);
        this.tuned = tuned;
    }

    /** @return the same parts fused with another α (the candidates of the α search) */
    MasrRecommender withAlpha(double otherAlpha, boolean otherTuned) {
        return new MasrRecommender(mdr, mass, otherAlpha, otherTuned);
    }

    /** @return the frozen MDR */
    Recommender mdr() {
        return mdr;
    }

    /** @return the frozen MASS */
    Recommender mass() {
        return mass;
    }

    /** @return the weight of MDR */
    double alpha() {
        return alpha;
    }

    /** @return whether α was chosen on the validation cases */
    boolean tuned() {
        return tuned;
    }

    @Override
    public int numItems() {
        return mdr.numItems();
    }

    @Override
    public float[] score(Query query, int[] items) {
        return MasrFusion.fuse(alpha, mdr.score(query, items), mass.score(query, items));
    }

    @Override
    public void save(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Properties header = new Properties();
        header.setProperty("format", FORMAT);
        header.setProperty("model", MasrProvider.NAME);
        header.setProperty("alpha", Double.toString(alpha));
        header.setProperty("alphaTuned", Boolean.toString(tuned));
        zip.putNextEntry(new ZipEntry(HEADER_ENTRY));
        header.store(zip, "MASR (Eq. 4.29): alpha * D_MDR + (1 - alpha) * D_MASS");
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(MDR_ENTRY));
        mdr.save(zip);
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(MASS_ENTRY));
        mass.save(zip);
        zip.closeEntry();
        zip.finish();
    }
}

package org.marketlens.framework.data;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.marketlens.api.data.EvalCase;

/** SHA-256 over evaluation cases (users, positives, negatives), recorded in split provenance. */
public final class CaseChecksum {
    private CaseChecksum() {
    }

    /** @return hex SHA-256 of the cases in order */
    public static String of(List<EvalCase> cases) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer buffer = ByteBuffer.allocate(4);
            for (EvalCase c : cases) {
                update(digest, buffer, c.user());
                update(digest, buffer, c.group());
                for (int p : c.positives()) {
                    update(digest, buffer, p);
                }
                update(digest, buffer, -1);
                if (c.negatives() != null) {
                    for (int n : c.negatives()) {
                        update(digest, buffer, n);
                    }
                }
                update(digest, buffer, -2);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void update(MessageDigest digest, ByteBuffer buffer, int value) {
        buffer.clear();
        buffer.putInt(value);
        digest.update(buffer.array());
    }
}

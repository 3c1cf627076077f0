package org.marketlens.data.amazon;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import org.marketlens.api.data.InteractionData;
import org.marketlens.framework.data.InteractionsBuilder;
import org.marketlens.framework.data.SourceLines;

/**
 * Reads McAuley's Amazon review files, one JSON object per line ({@code reviews_*_5.json[.gz]} of 2014 and the 2018
 * files): {@code reviewerID} → user, {@code asin} → item, {@code overall} → rating, {@code unixReviewTime} → time.
 * Each line is parsed with Jackson's streaming parser, skipping every other field (review texts are long), so memory
 * does not depend on the file size.
 */
final class AmazonJsonLines {
    private final JsonFactory json = new JsonFactory();

    /** @return number of reviews read */
    int read(SourceLines source, InteractionsBuilder builder) throws IOException {
        int rows = 0;
        for (String line = source.next(); line != null; line = source.next()) {
            if (line.isBlank()) {
                continue;
            }
            String user = null;
            String item = null;
            float rating = InteractionData.NO_RATING;
            long time = InteractionData.NO_TIME;
            try (JsonParser parser = json.createParser(line)) {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw source.malformed("a JSON object", line);
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "reviewerID" -> user = parser.getValueAsString();
                        case "asin" -> item = parser.getValueAsString();
                        case "overall" -> rating = value.isNumeric() ? parser.getFloatValue() : rating;
                        case "unixReviewTime" -> time = value.isNumeric() ? parser.getLongValue() : time;
                        default -> parser.skipChildren();
                    }
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw source.malformed("a JSON object (" + e.getOriginalMessage() + ")", line);
            }
            if (user == null || item == null) {
                throw source.malformed("fields 'reviewerID' and 'asin'", line);
            }
            builder.add(user, item, rating, time, InteractionData.NO_GROUP);
            rows++;
        }
        return rows;
    }
}

package org.tensionwatch.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A body of the wrong shape is answered in the words of the endpoint it was sent to. */
class ErrorMappersTest {

    private final ObjectMapper json = new ObjectMapper();
    private final ErrorMappers mappers = new ErrorMappers();

    @Test
    void aFeedBodyOfTheWrongShapeIsNotCalledAnArticle() {
        String message = messageFor("[1]", FeedRequest.class);
        assertTrue(message.startsWith("the JSON is not a feed (an object with url"), message);
    }

    @Test
    void aWrongFieldInsideAFeedStillNamesTheFeed() {
        String message = messageFor("{\"url\": {\"nested\": 1}}", FeedRequest.class);
        assertTrue(message.startsWith("the JSON is not a feed"), message);
    }

    @Test
    void anArticleBodyOfTheWrongShapeNamesTheArticleFields() {
        String message = messageFor("{\"title\": [\"a\"]}", ArticleRequest.class);
        assertTrue(message.startsWith("the JSON is not an article (an object with title, body, publishedAt"), message);
    }

    private String messageFor(String body, Class<?> type) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> json.readValue(body, type));
        Response response = mappers.wrongJsonShape(e);
        assertEquals(400, response.getStatus());
        return String.valueOf(((Map<?, ?>) response.getEntity()).get("error"));
    }
}

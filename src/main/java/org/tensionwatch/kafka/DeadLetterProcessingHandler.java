package org.tensionwatch.kafka;

import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that decodes but that a processor cannot take (a value no producer of this service writes: a negative
 * count, a region that is not a country code, a canonical event without reports) is copied as it was read, its raw
 * key and value, to the dead-letter topic with the reason, and the stream goes on. Without this, the exception
 * stopped the stream thread, its replacement read the same record again, and the partition never moved.
 * Written and counted the same way as undecodable records ({@link DeadLetterHandler}), truncated when too large.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);
    private final DeadLetterHandler writer = new DeadLetterHandler();

    @Override
    public void configure(Map<String, ?> configs) {
        writer.configure(configs);
    }

    @Override
    public ProcessingHandlerResponse handle(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String reason = "processor " + context.processorNodeId() + " failed: " + exception;
        LOG.warn("Record at {}-{}@{} that {} could not process sent to the dead-letter topic: {}", context.topic(),
                context.partition(), context.offset(), context.processorNodeId(), exception.toString(), exception);
        boolean sent = writer.send(context.topic(), context.partition(), context.offset(), context.sourceRawKey(),
                context.sourceRawValue(), context.headers() == null ? new RecordHeaders() : context.headers(), reason);
        return sent ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
    }
}

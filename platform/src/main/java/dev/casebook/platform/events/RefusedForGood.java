package dev.casebook.platform.events;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * The broker's answers that no retry can change for the same record: too large for its limits, or a topic name it
 * cannot have. Everything else (a broker that is down, a missing right an operator can grant) is waited out.
 */
final class RefusedForGood {

    private RefusedForGood() {
    }

    static boolean is(Throwable failure) {
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException
                || failure instanceof InvalidTopicException;
    }
}

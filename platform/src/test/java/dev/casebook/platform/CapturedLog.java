package dev.casebook.platform;

import org.jboss.logmanager.ExtLogRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What the code under test logs, every record of every level, from when it is made until it is closed. */
final class CapturedLog implements AutoCloseable {

    private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    CapturedLog() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    /** The records so far, oldest first. */
    List<LogRecord> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** The messages so far of the loggers whose name ends with {@code loggerSuffix}, with their parameters in place. */
    List<String> messagesOf(String loggerSuffix) {
        return records().stream().filter(record -> record.getLoggerName() != null && record.getLoggerName().endsWith(loggerSuffix))
                .map(CapturedLog::message).toList();
    }

    void clear() {
        records.clear();
    }

    static String message(LogRecord record) {
        return record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : String.valueOf(record.getMessage());
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}

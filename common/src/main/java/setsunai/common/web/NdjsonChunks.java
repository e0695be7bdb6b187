package setsunai.common.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An NDJSON request body read as a stream, a batch of lines at a time, so that an import holds one batch in memory
 * rather than the whole body. Each batch is read by {@link NdjsonLines#read} (same parsing, validation and
 * errors as a whole body) and numbered as in the whole body; lines end at {@code \n} or {@code \r\n}, as there.
 */
public final class NdjsonChunks<T> {

    private final Reader reader;
    private final Class<T> type;
    private final ObjectMapper mapper;
    private final Validator validator;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private boolean ended;
    /** Lines read so far, blank ones included: the number the next batch starts after. */
    private int lineNumber;

    public NdjsonChunks(InputStream body, Class<T> type, ObjectMapper mapper, Validator validator) {
        this.reader = body == null ? Reader.nullReader() : new InputStreamReader(body, StandardCharsets.UTF_8);
        this.type = type;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The next up to {@code lines} non-blank lines, read and validated; empty at the end of the body. */
    public List<NdjsonLines.Line<T>> next(int lines) {
        StringBuilder text = new StringBuilder();
        int first = lineNumber;
        int nonBlank = 0;
        String line;
        while (nonBlank < lines && (line = readLine()) != null) {
            text.append(line).append('\n');
            if (!line.isBlank()) {
                nonBlank++;
            }
        }
        List<NdjsonLines.Line<T>> read = new ArrayList<>(nonBlank);
        for (NdjsonLines.Line<T> l : NdjsonLines.read(text.toString(), type, mapper, validator)) {
            read.add(new NdjsonLines.Line<>(first + l.number(), l.slug(), l.value(), l.errors()));
        }
        return read;
    }

    /** One line without its {@code \n} (and a {@code \r} before it); null at the end. */
    private String readLine() {
        StringBuilder line = new StringBuilder();
        try {
            while (true) {
                if (position == limit) {
                    if (ended || (limit = reader.read(buffer)) < 0) {
                        ended = true;
                        limit = 0;
                        position = 0;
                        if (line.isEmpty()) {
                            return null;
                        }
                        break;
                    }
                    position = 0;
                }
                int start = position;
                while (position < limit && buffer[position] != '\n') {
                    position++;
                }
                line.append(buffer, start, position - start);
                if (position < limit) {
                    position++; // the '\n'
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the request body failed", e);
        }
        lineNumber++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }
}

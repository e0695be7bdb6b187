package setsunai.common.web;

/** A validated page and size: page is 1-based, size 1..100. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public int offset() {
        return (page - 1) * size;
    }
}

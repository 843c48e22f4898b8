package cn.changning.governance.common.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the one shape every list endpoint answers with: the items of page
 * {@code page} (0-based) of {@code size} items, and {@code total} items in the whole list.
 * Ask for the next page while {@code (page + 1) * size < total}.
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page {@code query} asks for, cut from a list held whole in memory (already sorted). */
    public static <T> Page<T> of(List<T> all, PageQuery query) {
        int from = (int) Math.min(all.size(), query.offset());
        int to = (int) Math.min(all.size(), query.offset() + query.size());
        return new Page<>(all.subList(from, to), query.page(), query.size(), all.size());
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, size, total);
    }
}

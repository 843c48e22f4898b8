package cn.changning.governance.partyregistry.projection;

import cn.changning.governance.common.web.Page;
import cn.changning.governance.common.web.PageQuery;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One page of a filtered, sorted collection and its total (lists by street, kind, parent, organisation). */
public final class PagedFind {

    private PagedFind() {
    }

    public static <T> Page<T> page(MongoCollection<Document> collection, List<Bson> filters, Bson sort, PageQuery page,
                                   Function<Document, T> view) {
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        long total = collection.countDocuments(filter);
        List<T> items = new ArrayList<>();
        collection.find(filter).sort(sort).skip((int) page.offset()).limit(page.size())
                .forEach(d -> items.add(view.apply(d)));
        return new Page<>(items, page.page(), page.size(), total);
    }
}

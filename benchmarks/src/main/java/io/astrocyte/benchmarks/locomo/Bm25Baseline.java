package io.astrocyte.benchmarks.locomo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/** Baseline {@code bm25}: plain Lucene BM25 (English analyzer), one in-memory index per conversation. */
final class Bm25Baseline implements RetrievalSystem {

    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    private final Map<String, IndexWriter> writers = new HashMap<>();
    private final Map<String, IndexSearcher> searchers = new HashMap<>();

    @Override
    public String name() {
        return "bm25";
    }

    @Override
    public void index(LocomoDataset.Conversation c, LocomoDataset.Turn turn) {
        try {
            IndexWriter w = writers.computeIfAbsent(c.sampleId(), id -> {
                try {
                    return new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            Document d = new Document();
            d.add(new TextField("text", turn.text(), Field.Store.YES));
            d.add(new StoredField("dia_id", turn.diaId()));
            w.addDocument(d);
            searchers.remove(c.sampleId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<Ranked> search(LocomoDataset.Conversation c, String question, int depth) {
        try {
            IndexSearcher s = searchers.get(c.sampleId());
            if (s == null) {
                s = new IndexSearcher(DirectoryReader.open(writers.get(c.sampleId())));
                searchers.put(c.sampleId(), s);
            }
            Query q = new QueryBuilder(analyzer).createBooleanQuery("text", question);
            List<Ranked> out = new ArrayList<>();
            if (q == null) {
                return out;
            }
            for (ScoreDoc sd : s.search(q, depth).scoreDocs) {
                Document d = s.storedFields().document(sd.doc);
                out.add(new Ranked(d.get("dia_id"), d.get("text"), c.sampleId()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (IndexWriter w : writers.values()) {
            try {
                w.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

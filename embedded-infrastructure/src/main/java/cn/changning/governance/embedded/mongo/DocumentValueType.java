package cn.changning.governance.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The values of a collection's data map (its documents) stored as BSON, with mongo-java-server's own wire encoder and
 * decoder, instead of H2's {@link ObjectDataType}, which Java-serialises every document on each write and
 * deserialises it on each read: issue 16's profile of the platform under create load put 43% of all samples in Java
 * serialisation, nearly all of it these documents.
 *
 * <p>A BSON value is written behind a tag byte of its own ({@link #BSON_TAG}, one ObjectDataType does not use, 120),
 * so a value written before (any other first byte) is still read by ObjectDataType: files of earlier runs open and
 * serve as they are, and each document becomes BSON when it is next written. What cannot be BSON (a value of a type
 * the wire encoder refuses) is written as before. A file written by this code cannot be read by the code before it.
 * BSON keeps what a client gets back over the wire anyway: dates to the millisecond, arrays as lists.
 */
final class DocumentValueType extends ObjectDataType {

    static final byte BSON_TAG = 120;

    /**
     * What H2 is told a document takes: a running average of the encoded sizes (H2's own serialised type keeps one of
     * twice the Java-serialised bytes). It sets how many documents share a page; measured against the old type under
     * the same create load (issue 16's note), this one was faster, so it was left at that.
     */
    private volatile int averageSize = 512;

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document document) {
            ByteBuf encoded = Unpooled.buffer(averageSize + 64);
            try {
                BsonEncoder.encodeDocument(document, encoded);
            } catch (IllegalArgumentException | ClassCastException notBson) {
                encoded.release();
                super.write(buff, obj);
                return;
            }
            int size = encoded.readableBytes();
            averageSize = (averageSize * 15 + size) / 16;
            buff.put(BSON_TAG).put(encoded.array(), encoded.arrayOffset() + encoded.readerIndex(), size);
            encoded.release();
            return;
        }
        super.write(buff, obj);
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON_TAG) {
            return super.read(buff);
        }
        int start = buff.position() + 1;
        int length = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start); // BSON's own length, itself included
        ByteBuffer bson = buff.duplicate();
        bson.position(start).limit(start + length);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
        buff.position(start + length);
        return document;
    }

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document ? averageSize : super.getMemory(obj);
    }
}

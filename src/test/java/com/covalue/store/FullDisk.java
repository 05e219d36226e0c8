package com.covalue.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * A disk that can be filled, for the embedded store: an H2 file system ({@code jdbc:h2:fulldisk:})
 * over the real one. While {@link #fill() full}, every write that would make a file larger fails
 * with "No space left on device", as on a full ext4 or xfs disk (rewriting blocks a file already
 * has still works there). Mounting a small file system would need root; this needs nothing.
 */
public final class FullDisk extends FilePathWrapper {

    private static final String SCHEME = "fulldisk";
    private static final AtomicBoolean FULL = new AtomicBoolean();

    static {
        FilePath.register(new FullDisk());
    }

    /** The embedded store in {@code dataFolder}, on this disk. */
    public static StoreSettings store(Path dataFolder) {
        return new StoreSettings("jdbc:h2:" + SCHEME + ":" + dataFolder.toAbsolutePath().normalize().resolve("covalue")
                + StoreSettings.H2_OPTIONS, null, null);
    }

    /** From now on, a file cannot grow. */
    public static void fill() {
        FULL.set(true);
    }

    /** Space is free again. */
    public static void free() {
        FULL.set(false);
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(getBase().open(mode));
    }

    /** The real file's channel, refusing to grow the file while the disk is full. */
    private static final class Channel extends FileBase {
        private final FileChannel file;

        Channel(FileChannel file) {
            this.file = file;
        }

        private void mayWrite(long at, int length) throws IOException {
            if (FULL.get()) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            mayWrite(file.position(), src.remaining());
            return file.write(src);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            mayWrite(position, src.remaining());
            return file.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public synchronized FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}

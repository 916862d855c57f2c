package com.halopsaconnector.halo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code maxBytes} of a Halo answer; one byte more is {@link HaloAnswerTooLargeException}. */
final class CappedInputStream extends FilterInputStream {

    private final String target;
    private final HaloAnswer answer;
    private long left;

    CappedInputStream(InputStream in, String target, HaloAnswer answer) {
        super(in);
        this.target = target;
        this.answer = answer;
        this.left = answer.maxBytes();
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        // Ask for one byte past the cap at most, so that an answer of exactly the cap is read whole.
        int n = super.read(buffer, offset, (int) Math.min(length, left + 1));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left + 1));
        count(skipped);
        return skipped;
    }

    private void count(long bytes) {
        left -= bytes;
        if (left < 0) {
            throw new HaloAnswerTooLargeException(target, answer);
        }
    }
}

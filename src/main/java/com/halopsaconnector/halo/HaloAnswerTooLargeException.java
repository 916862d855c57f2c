package com.halopsaconnector.halo;

/** Halo's answer was larger than the connector reads of that kind of answer (see {@link HaloAnswer}). */
public final class HaloAnswerTooLargeException extends HaloException {

    HaloAnswerTooLargeException(String target, HaloAnswer answer) {
        super("Halo's answer at " + target + " (" + answer.description() + ") was larger than "
                + answer.maxBytes() / 1024 + " KiB, which no Halo sends; check that URL");
    }

    /** Halo sent more rows than the connector asked for: not an answer Halo gives. */
    HaloAnswerTooLargeException(String target, HaloAnswer answer, int rows) {
        super("Halo's answer at " + target + " (" + answer.description() + ") held more than " + rows
                + " rows, more than asked for; check that URL");
    }
}

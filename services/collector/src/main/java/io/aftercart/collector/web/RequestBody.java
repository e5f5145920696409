package io.aftercart.collector.web;

import io.aftercart.platform.web.BadInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Reads a request body, gunzipping it when sent with {@code Content-Encoding: gzip}, up to a size limit. */
final class RequestBody {

    private RequestBody() {
    }

    /** The limit applies after decompression, so a small gzip bomb cannot inflate past it. */
    static byte[] read(HttpServletRequest request, long maxBytes) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        boolean gzip = encoding != null && encoding.trim().equalsIgnoreCase("gzip");
        try (InputStream in = gzip ? new GZIPInputStream(request.getInputStream()) : request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new BadInputException("Request too large",
                        "The request body exceeds " + maxBytes + " bytes" + (gzip ? " once decompressed" : ""));
            }
            return body;
        } catch (ZipException | EOFException e) {
            // EOFException: a gzip stream cut short, or too short to hold even a gzip header
            throw new BadInputException("Unreadable body", "Content-Encoding is gzip but the body is not valid gzip");
        }
    }
}

#include "gzip_body.hpp"

#include <zlib.h>

namespace sv {
namespace {
constexpr int kGzipWindowBits = 15 + 16;  // zlib's way of asking for a gzip header
}

std::string gzip_compress(const std::string& data) {
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&stream, static_cast<uLong>(data.size())) + 32, '\0');
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef*>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(stream.total_out);
    deflateEnd(&stream);
    return out;
}

Result<std::string> gzip_inflate(const std::string& data, std::size_t largest) {
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK) return Error{"Could not start unpacking the data."};
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    std::string out;
    char buffer[16384];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        rc = inflate(&stream, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&stream);
            return Error{"The data is not valid gzip."};
        }
        out.append(buffer, sizeof buffer - stream.avail_out);
        if (out.size() > largest) {
            inflateEnd(&stream);
            return Error{"The data unpacks to more than " + std::to_string(largest) + " bytes."};
        }
        if (rc == Z_OK && stream.avail_in == 0 && stream.avail_out != 0) {
            inflateEnd(&stream);
            return Error{"The gzip data is cut short."};
        }
    }
    inflateEnd(&stream);
    return out;
}

}  // namespace sv

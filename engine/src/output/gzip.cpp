// SPDX-License-Identifier: Apache-2.0
#include "pocsim/output/gzip.hpp"

#include <zlib.h>

#include <stdexcept>

namespace pocsim {

namespace {

constexpr int gzip_window_bits = 15 + 16;  // zlib's way of asking for a gzip wrapper
constexpr int any_wrapper_bits = 15 + 32;  // and of accepting one

}  // namespace

std::string gzip_member(std::string_view text) {
  z_stream stream{};
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, gzip_window_bits, 8,
                   Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("gzip: cannot start the compressor");
  std::string out(deflateBound(&stream, static_cast<uLong>(text.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw std::runtime_error("gzip: compression failed");
  return out;
}

std::string gunzip(std::string_view data) {
  std::string out;
  char buffer[1 << 16];
  while (!data.empty()) {
    z_stream stream{};
    if (inflateInit2(&stream, any_wrapper_bits) != Z_OK)
      throw std::runtime_error("gunzip: cannot start the decompressor");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    stream.avail_in = static_cast<uInt>(data.size());
    int status = Z_OK;
    while (status == Z_OK) {
      stream.next_out = reinterpret_cast<Bytef*>(buffer);
      stream.avail_out = sizeof buffer;
      status = inflate(&stream, Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - stream.avail_out);
    }
    const std::size_t used = stream.total_in;
    inflateEnd(&stream);
    if (status != Z_STREAM_END) throw std::runtime_error("gunzip: not gzip data, or cut short");
    data.remove_prefix(used);  // the next member, if any
  }
  return out;
}

}  // namespace pocsim

// A posting list of the originals index from any bytes (an index file may come from
// anywhere): decode_ids either refuses the bytes or gives positive, strictly ascending
// ids, and encoding them again gives a list that decodes to the same ids.
#include <cstdint>
#include <string>
#include <vector>

#include "checker/store/index_format.h"
#include "fuzz/fuzz_util.h"

using namespace credcheck;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<int64_t> ids;
  if (!index_format::decode_ids(data, size, &ids)) return 0;
  for (size_t i = 0; i < ids.size(); ++i)
    fuzz::require(ids[i] > 0 && (i == 0 || ids[i] > ids[i - 1]), "ids are positive and ascending");
  std::string again = index_format::encode_ids(ids);
  std::vector<int64_t> back;
  fuzz::require(index_format::decode_ids(reinterpret_cast<const unsigned char*>(again.data()), again.size(), &back),
                "an encoded list decodes");
  fuzz::require(back == ids, "encode(decode(x)) decodes to the same ids");
  fuzz::require(again.size() <= size, "the encoding is the shortest");
  return 0;
}

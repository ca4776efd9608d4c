-- Every request reads a random page (limit=100) of the collection: the "next" cursor is drawn from the
-- file TaxiiServe writes (one cursor per line; CURSORS, default bench/target/large-cursors.txt), or the
-- first page when the draw lands past the list. Path: $PATH_PREFIX, default the "large" collection.
local token = os.getenv("TOKEN") or "bench-token"
local file = os.getenv("CURSORS") or "bench/target/large-cursors.txt"
local prefix = os.getenv("PATH_PREFIX") or "/taxii2/node/collections/large/objects/"
local cursors = {}

function init(args)
   for line in io.lines(file) do cursors[#cursors + 1] = line end
   math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 100000)
end

function request()
   local i = math.random(#cursors + 1)
   local path = prefix .. "?limit=100"
   if i <= #cursors then path = path .. "&next=" .. cursors[i] end
   return wrk.format("GET", path, {
      ["Authorization"] = "Bearer " .. token,
      ["Accept"] = "application/taxii+json;version=2.1"})
end

function done(summary, latency, requests)
   io.write(string.format("non-2xx or socket errors: %d status, %d connect, %d read, %d timeout\n",
      summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.timeout))
end

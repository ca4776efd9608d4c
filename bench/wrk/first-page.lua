-- Every request reads the first page (limit=100) of the collection in the URL.
-- Usage: wrk -s bench/wrk/first-page.lua 'http://127.0.0.1:8181/taxii2/node/collections/default/objects/?limit=100'
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("TOKEN") or "bench-token")
wrk.headers["Accept"] = "application/taxii+json;version=2.1"

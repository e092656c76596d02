-- Product detail views for wrk, spread like CatalogBenchmark's Java clients spread them.
-- BAZAAR_SLUGS: a file of product slugs, most viewed first. BAZAAR_SPREAD: "any" picks any product
-- with the same chance; "popular" picks by Zipf, s = 1 (the slug of rank r with weight 1/r).
-- Reports through report.lua.
local slugs = {}
for line in io.lines(os.getenv("BAZAAR_SLUGS")) do
  slugs[#slugs + 1] = line
end
local cumulative, total = {}, 0
for rank = 1, #slugs do
  total = total + 1 / rank
  cumulative[rank] = total
end
local popular = os.getenv("BAZAAR_SPREAD") == "popular"
local seeds = 0

function setup(thread)
  seeds = seeds + 1
  thread:set("seed", seeds * 7919)
end

function init(args)
  math.randomseed(seed)
end

local function rank()
  if not popular then
    return math.random(1, #slugs)
  end
  local point, low, high = math.random() * total, 1, #slugs
  while low < high do
    local middle = math.floor((low + high) / 2)
    if cumulative[middle] < point then low = middle + 1 else high = middle end
  end
  return low
end

function request()
  return wrk.format("GET", "/api/v1/products/" .. slugs[rank()])
end

done = dofile(os.getenv("BAZAAR_WRK_REPORT"))

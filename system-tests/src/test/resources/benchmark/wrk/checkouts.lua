-- Checkouts for wrk: POST /api/v1/orders, each with its own prepared cart and idempotency key.
-- BAZAAR_CARTS: a file of cart ids, one per line, at least as many as the run can check out (a
-- cart left over is an error, counted as such). BAZAAR_THREADS: wrk's --threads, so that the
-- threads take turns through the file and never check out the same cart.
-- Reports through report.lua.
local carts = {}
for line in io.lines(os.getenv("BAZAAR_CARTS")) do
  carts[#carts + 1] = line
end
local threads = 0

function setup(thread)
  thread:set("first", threads + 1)
  threads = threads + 1
end

function init(args)
  nextCart = first
  stride = tonumber(os.getenv("BAZAAR_THREADS"))
end

function request()
  local cart = carts[nextCart]
  nextCart = nextCart + stride
  if cart == nil then
    return wrk.format("GET", "/api/v1/no-carts-left")
  end
  local body = '{"cartId":"' .. cart .. '","email":"bench@example.org","shippingAddress":'
      .. '{"name":"Bench","line1":"1 Load St","city":"Berlin","postalCode":"10115","country":"DE"},'
      .. '"paymentToken":"tok_visa"}'
  return wrk.format("POST", "/api/v1/orders",
      {["Content-Type"] = "application/json", ["Idempotency-Key"] = cart}, body)
end

done = dofile(os.getenv("BAZAAR_WRK_REPORT"))

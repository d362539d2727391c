-- wrk script for the BotTriage host, the load test's second client (bench/Load --client wrk): every connection (one
-- per wrk thread, so a thread's Lua state is one conversation at a time) walks the conversation of conversation.txt
-- through the shipped triage turn by turn with deliveryMode expectReplies, a new id and user per conversation, and
-- checks that each answer gets the reply the script expects next, and the outcome event on the last turn.

-- The turns and the replies they expect are in conversation.txt (its path is the script's argument, after "--"),
-- which SocketClient.cs reads the same way.
local function load_languages(path)
  local languages, current = {}, nil
  for raw in io.lines(path) do
    local line = raw:gsub("\r$", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local locale = line:match("^locale%s+(.-)%s*$")
      if locale then
        current = { locale = locale, turns = {} }
        table.insert(languages, current)
      else
        local says, expect = line:match("^([^\t]*)\t?(.*)$")
        local alternatives = {}
        for alternative in (says .. " | "):gmatch("(.-) | ") do
          table.insert(alternatives, alternative:match("^%s*(.-)%s*$"))
        end
        table.insert(current.turns, { says = alternatives, expect = expect ~= "" and expect or nil })
      end
    end
  end
  return languages
end

local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local languages, prefix, conversation, step, language, texts, id_seq
-- Globals, so done() can read them from each thread.
turns, errors, conversations = 0, 0, 0
local run = os.getenv("BOTTRIAGE_RUN") or "run"

-- The languages take turns; within one, the lines with alternatives count through their combinations.
local function new_conversation()
  conversation = conversation + 1
  language = languages[(conversation % #languages) + 1]
  local rest = math.floor(conversation / #languages)
  texts = {}
  for i, turn in ipairs(language.turns) do
    local n = #turn.says
    texts[i] = turn.says[(rest % n) + 1]
    rest = math.floor(rest / n)
  end
  step = 1
end

function init(args)
  languages = load_languages(args[1])
  prefix = run .. "-" .. tid .. "-"
  conversation = 0
  id_seq = 0
  new_conversation()
end

function request()
  id_seq = id_seq + 1
  local c = prefix .. conversation
  local body = '{"type":"message","id":"m' .. id_seq .. '","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/",' ..
    '"from":{"id":"user-' .. c .. '","name":"load"},"recipient":{"id":"bot"},"conversation":{"id":"' .. c .. '"},' ..
    '"locale":"' .. language.locale .. '","deliveryMode":"expectReplies","text":"' .. texts[step] .. '"}'
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  turns = turns + 1
  local ok = status == 200 and body ~= nil and (language.turns[step].expect == nil or string.find(body, language.turns[step].expect, 1, true) ~= nil)
  if ok and step == #texts then
    ok = string.find(body, '"name":"bottriage.outcome"', 1, true) ~= nil
  end
  if not ok then
    errors = errors + 1
    if errors <= 3 then
      io.stderr:write("unexpected reply at step " .. step .. " (" .. status .. "): " .. string.sub(body or "", 1, 300) .. "\n")
    end
    new_conversation()
    return
  end
  if step == #texts then
    conversations = conversations + 1
    new_conversation()
  else
    step = step + 1
  end
end

function done(summary, latency, requests)
  local e, t, c = 0, 0, 0
  for _, thread in ipairs(threads) do
    e = e + thread:get("errors")
    t = t + thread:get("turns")
    c = c + thread:get("conversations")
  end
  io.write(string.format("RESULT requests=%d seconds=%.3f checked=%d errors=%d conversations=%d p50=%.3f p99=%.3f max=%.3f socket_errors=%d non2xx=%d\n",
    summary.requests, summary.duration / 1e6, t, e, c,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end

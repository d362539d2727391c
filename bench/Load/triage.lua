-- wrk script for the BotTriage host: every connection (one per wrk thread, so a thread's Lua state is one
-- conversation at a time) walks the shipped triage (dialogs/flow.yaml) turn by turn with deliveryMode
-- expectReplies, and checks that each answer gets the reply the script expects next. A conversation is
-- greeting -> emergency screen "nee" -> consent "ja" -> language -> the neck -> a duration under four weeks -> pain and
-- daily bother -> "nee" to the thirteen red-flag questions for the neck -> no contraindications -> PHQ-2 and GAD-2
-- "helemaal niet" -> "nee" to the six questions on worries and context -> outcome. Durations and the language vary
-- across conversations, and every conversation has a new id and user. An empty expected text accepts any reply.

local function rep(value, n)
  local list = {}
  for i = 1, n do list[i] = value end
  return list
end

local function concat(...)
  local all = {}
  for _, list in ipairs({ ... }) do
    for _, v in ipairs(list) do all[#all + 1] = v end
  end
  return all
end

local scripts = {
  { locale = "nl-NL", greeting = "hoi", language = "nederlands", pain = "4", bother = "een beetje",
    yes = "ja", no = "nee", never = "helemaal niet",
    locations = { "nek", "mijn nek", "ik heb last van mijn nek" },
    durations = { "3 weken", "sinds 5 dagen", "2 weken" },
    expect = concat({ "pijn op de borst", "Mag ik je antwoorden bewaren", "In welke taal", "Waar heb je last van",
                      "Hoe lang heb je er al last van", "Hoeveel pijn", "dagelijks leven", "plotseling kracht" },
                    rep("", 12), { "Geldt een van deze", "weinig zin" }, rep("", 3), { "bang dat bewegen" },
                    rep("", 5), { "Dit is mijn advies" }) },
  { locale = "en-US", greeting = "hi", language = "english", pain = "4", bother = "a little",
    yes = "yes", no = "no", never = "not at all",
    locations = { "neck", "my neck" },
    durations = { "3 weeks", "5 days", "2 weeks" },
    expect = concat({ "chest pain", "May I keep your answers", "Which language", "Where is the complaint",
                      "How long have you had it", "How much pain", "daily life", "suddenly lost strength" },
                    rep("", 12), { "Does any of these apply", "little interest" }, rep("", 3), { "afraid that moving" },
                    rep("", 5), { "This is my advice" }) },
}

local threads = {}
local counter = 1

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local prefix, conversation, step, script, texts, id_seq
-- Globals, so done() can read them from each thread.
turns, errors, conversations = 0, 0, 0
local run = os.getenv("BOTTRIAGE_RUN") or "run"

local function new_conversation()
  conversation = conversation + 1
  script = scripts[(conversation % #scripts) + 1]
  local loc = script.locations[(conversation % #script.locations) + 1]
  local dur = script.durations[(math.floor(conversation / 7) % #script.durations) + 1]
  texts = concat({ script.greeting, script.no, script.yes, script.language, loc, dur, script.pain, script.bother },
                 rep(script.no, 14), rep(script.never, 4), rep(script.no, 6))
  step = 1
end

function init(args)
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
    '"locale":"' .. script.locale .. '","deliveryMode":"expectReplies","text":"' .. texts[step] .. '"}'
  return wrk.format("POST", "/api/messages", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  turns = turns + 1
  local ok = status == 200 and body ~= nil and string.find(body, script.expect[step], 1, true) ~= nil
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

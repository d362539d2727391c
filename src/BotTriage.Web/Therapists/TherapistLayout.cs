using System.Text;

namespace BotTriage.Web.Therapists;

/// <summary>The frame of every workspace page: head, stylesheet, navigation and the logout form. No scripts.</summary>
internal static class TherapistLayout
{
    public const string Stylesheet = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d1d1f;background:#f6f6f4}
        header{background:#234;color:#fff;padding:.6rem 1rem;display:flex;gap:1rem;align-items:center}
        header a{color:#fff}header form{margin-left:auto}
        main{padding:1rem;max-width:72rem;margin:auto}
        .en{color:#667;font-size:.85em}header .en{color:#bcd}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
        .badge{display:inline-block;padding:.1rem .45rem;border-radius:.4rem;background:#ddd;font-weight:600}
        .urgency-t0{background:#b00020;color:#fff}.urgency-t1{background:#e65100;color:#fff}.urgency-t2{background:#f9a825;color:#000}
        .redflag{color:#b00020;font-weight:700}mark{background:#ffd7d7;color:#000}
        tr.has-redflag{background:#fff4f4}
        .error{background:#fde2e2;border:1px solid #b00020;padding:.5rem}.notice{background:#e2f0fd;padding:.5rem}
        .filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin-bottom:1rem}.filters label{display:flex;flex-direction:column;font-size:.9em}
        .chat{display:flex;flex-direction:column;gap:.4rem}.bubble{max-width:70%;padding:.4rem .7rem;border-radius:.8rem;white-space:pre-wrap}
        .bubble.user{align-self:flex-end;background:#d8ecff}.bubble.bot{align-self:flex-start;background:#fff;border:1px solid #ddd}.bubble time{display:block;font-size:.75em;color:#667}
        ol.path li.taken{font-weight:700}ol.path li.current{outline:2px solid #234}ol.path li.skipped{color:#999}
        .actions{display:flex;gap:.75rem;flex-wrap:wrap;margin:1rem 0}
        @media print{header,.actions,.no-print{display:none}body{background:#fff}main{max-width:none}}
        """;

    public static string Page(string title, string body, string? userName = null, string? antiforgeryToken = null)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<meta name=\"robots\" content=\"noindex\"><title>").Append(Html.E(title)).Append(" · BotTriage</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/therapists/app.css\"></head><body><header><strong>BotTriage</strong>");
        if (userName is not null)
        {
            html.Append("<a href=\"/therapists\">").Append(Html.T("Sessies", "Sessions")).Append("</a>");
            html.Append("<a href=\"/therapists/admin\">").Append(Html.T("Beheer", "Admin")).Append("</a>");
            html.Append("<form method=\"post\" action=\"/therapists/logout\">").Append(AntiforgeryField(antiforgeryToken));
            html.Append("<span>").Append(Html.E(userName)).Append("</span> <button type=\"submit\">").Append(Html.T("Uitloggen", "Log out")).Append("</button></form>");
        }

        html.Append("</header><main>").Append(body).Append("</main></body></html>");
        return html.ToString();
    }

    public static string AntiforgeryField(string? token) =>
        token is null ? "" : $"<input type=\"hidden\" name=\"{TherapistWorkspace.AntiforgeryFieldName}\" value=\"{Html.E(token)}\">";
}

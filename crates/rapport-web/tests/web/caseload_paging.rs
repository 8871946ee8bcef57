//! Caseload paging by key (issue 18 item 5): the "next" and "previous" links
//! carry the client a page ends or starts at, never an offset, and walking
//! them visits every client exactly once, in order, by name and by need.

use crate::support::*;
use rapport_core::access::Role;
use rapport_core::client::ClientDetails;
use rapport_core::Id;
use rapport_store::users::User;
use serde_json::json;

/// The client ids of a caseload page's rows, in order.
fn row_ids(page: &str) -> Vec<String> {
    page.split(r#"<td class="c-name"><a href="/clients/"#)
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].to_string())
        .collect()
}

/// The target of the page link `rel` ("next" or "prev"), if there is one.
fn link(page: &str, rel: &str) -> Option<String> {
    let end = page.find(&format!(r#"" rel="{rel}">"#))?;
    let start = page[..end].rfind(r#"<a href=""#)? + r#"<a href=""#.len();
    Some(page[start..end].replace("&amp;", "&").replace("&#38;", "&"))
}

/// Follows `rel` links from `start`: each page's row ids and its status line.
async fn walk(b: &Browser, start: &str, rel: &str) -> Vec<(Vec<String>, String)> {
    let mut pages = Vec::new();
    let mut at = Some(start.to_string());
    while let Some(path) = at {
        let (st, page) = b.text(&path).await;
        assert_eq!(st, 200, "{path}: {page}");
        let status = page.find(r#"<span class="page-status">"#).map(|i| {
            let rest = &page[i + r#"<span class="page-status">"#.len()..];
            rest[..rest.find("</span>").unwrap()].to_string()
        });
        pages.push((row_ids(&page), status.unwrap_or_default()));
        at = link(&page, rel);
        assert!(pages.len() <= 20, "the links never end: {path}");
    }
    pages
}

#[tokio::test]
async fn a_large_caseload_pages_by_key_through_every_client_once_in_order() {
    on_each_backend(|app| async move {
        let ann = app.user("ann@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let carl = app.user("carl@clinic.example", Role::Clinician).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        app.store
            .set_supervisees(&sup.id, &[ann.id.clone(), bob.id.clone()], test_event("user.update"), &[])
            .await
            .unwrap();
        // 262 clients created out of name order (97 steps through 0..260), two
        // sharing a name with a third, half of them Ann's and half Bob's.
        let mut clients: Vec<(String, String, Id)> = Vec::new(); // (name, id, responsible)
        for i in 0..262usize {
            let name = if i < 260 { format!("Client {:03}", (i * 97) % 260) } else { "Client 042".to_string() };
            let responsible = if i % 2 == 0 { &ann } else { &bob };
            let details = ClientDetails { display_name: name.clone(), ..Default::default() };
            let c = app.store.create_client(&details, &responsible.id, test_event("client.create")).await.unwrap();
            clients.push((name, c.id.to_string(), responsible.id.clone()));
        }
        let by_name = |list: &[(String, String, Id)]| {
            let mut sorted = list.to_vec();
            sorted.sort_by(|a, b| (a.0.to_lowercase(), &a.1).cmp(&(b.0.to_lowercase(), &b.1)));
            sorted
        };
        let sorted = by_name(&clients);
        let anns: Vec<String> =
            sorted.iter().filter(|c| c.2 == ann.id).map(|c| c.1.clone()).collect();
        // Needs, all on Ann's clients, spread through the name order: an open
        // risk flag for four, two overdue measures for two, and one response
        // that raises nothing (read like the needy, sorted like the rest).
        let api = Api::new(&app, &ann).await;
        let risk: Vec<String> = [3, 70, 71, 129].iter().map(|&i| anns[i].clone()).collect();
        for c in &risk {
            api.respond(c, json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 1], "completed_at": "2026-03-01T10:00:00Z"}))
                .await;
        }
        let overdue: Vec<String> = [0, 100].iter().map(|&i| anns[i].clone()).collect();
        for c in &overdue {
            let course = api
                .new_course(c, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
                .await;
            api.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
        }
        api.respond(&anns[50], json!({"instrument": "phq9", "answers": [0, 0, 0, 0, 0, 0, 0, 0, 0], "completed_at": "2026-03-01T10:00:00Z"}))
            .await;
        // Elsewhere: a client of a clinician nobody here supervises.
        let stranger = Api::new(&app, &carl).await.new_client("Client 500").await;

        let names: Vec<String> = sorted.iter().map(|c| c.1.clone()).collect();
        let needy: Vec<String> = sorted.iter().filter(|c| risk.contains(&c.1)).map(|c| c.1.clone()).collect();
        let mut by_need = needy.clone();
        by_need.extend(sorted.iter().filter(|c| overdue.contains(&c.1)).map(|c| c.1.clone()));
        by_need.extend(names.iter().filter(|id| !by_need.contains(id)).cloned().collect::<Vec<_>>());

        let s = app.browser_as("sup@clinic.example").await;
        for (start, expected) in [("/clients", &names), ("/clients?sort=need", &by_need)] {
            let pages = walk(&s, start, "next").await;
            let seen: Vec<String> = pages.iter().flat_map(|p| p.0.clone()).collect();
            assert_eq!(&seen, expected, "{start}: every client once, in order");
            assert_eq!(pages.len(), 6, "{start}: 262 clients in pages of 50");
            assert!(pages.iter().all(|p| p.0.len() <= 50));
            let statuses: Vec<&str> = pages.iter().map(|p| p.1.as_str()).collect();
            assert_eq!(statuses, ["Page 1 of 6", "Page 2 of 6", "Page 3 of 6", "Page 4 of 6", "Page 5 of 6", "Page 6 of 6"]);
            // Back from the last page by the "previous" links: the same pages.
            let (_, last) = s.text(start).await;
            let mut at = link(&last, "next").unwrap();
            for _ in 0..4 {
                let (_, page) = s.text(&at).await;
                at = link(&page, "next").unwrap();
            }
            let back = walk(&s, &at, "prev").await;
            let back_rows: Vec<Vec<String>> = back.iter().rev().map(|p| p.0.clone()).collect();
            let forward_rows: Vec<Vec<String>> = pages.iter().map(|p| p.0.clone()).collect();
            assert_eq!(back_rows, forward_rows, "{start}: the previous links retrace the pages");
        }
        // One clinician's clients by need, filtered and keyed together.
        let anns_by_need: Vec<String> = by_need.iter().filter(|id| anns.contains(id)).cloned().collect();
        let pages = walk(&s, &format!("/clients?clinician={}&sort=need", ann.id), "next").await;
        let seen: Vec<String> = pages.iter().flat_map(|p| p.0.clone()).collect();
        assert_eq!(seen, anns_by_need);
        assert_eq!(pages.len(), 3);

        // A bad page key is refused and names the page.
        let keyed = link(&s.text("/clients").await.1, "next").unwrap();
        for bad in [
            "/clients?after=not-an-id".to_string(),
            format!("/clients?after={stranger}"),
            format!("/clients?before={stranger}&sort=need"),
            format!("{keyed}&before={}", names[0]),
        ] {
            let r = s.get(&bad).await;
            assert_eq!(r.status(), 422, "{bad}");
            assert!(r.text().await.unwrap().contains("That page of the list is no longer available"), "{bad}");
        }
        // Each page's audit entry names the rows it showed and nothing else.
        let entries = app.audit_entries("client.list").await;
        let second = entries
            .iter()
            .filter_map(|e| e.event.detail.clone())
            .find(|d| d.starts_with("50 of 262 active clients shown, page 2;"))
            .expect("the second page is audited");
        assert!(second.contains(&names[50]) && !second.contains(&names[49]) && !second.contains(&names[100]), "{second}");
    })
    .await;
}

/// Ann, a clinician supervised by Sup, with a new client of hers for each of
/// `names` (their ids in that order), and her API caller.
async fn ann_supervised_with_clients(app: &TestApp, names: &[&str]) -> (User, User, Api, Vec<String>) {
    let ann = app.user("ann@clinic.example", Role::Clinician).await;
    let sup = app.user("sup@clinic.example", Role::Supervisor).await;
    app.store.set_supervisees(&sup.id, std::slice::from_ref(&ann.id), test_event("user.update"), &[]).await.unwrap();
    let api = Api::new(app, &ann).await;
    let mut ids = Vec::new();
    for name in names {
        ids.push(api.new_client(name).await);
    }
    (ann, sup, api, ids)
}

/// A course for `client` holding two attended sessions without their measures: two overdue.
async fn overdue_measures_for(api: &Api, client: &str) {
    let course = api
        .new_course(client, json!({"protocol": "ipt-individual", "planned_sessions": 12, "start_date": "2026-01-05"}))
        .await;
    api.attended_sessions(&course, &["2026-01-05", "2026-01-12"]).await;
}

/// The summary per clinician and the order by need cover the whole caseload
/// and follow every write at once: a risk answer and overdue measures move a
/// client up and are counted on the very next page.
#[tokio::test]
async fn the_caseload_counts_and_order_follow_every_write_at_once() {
    on_each_backend(|app| async move {
        let (ann, _sup, api, ids) = ann_supervised_with_clients(&app, &["Ada", "Ben", "Cy"]).await;
        let s = app.browser_as("sup@clinic.example").await;
        // Ann's share, by need: the page that shows the summary line.
        let anns = format!("/clients?clinician={}&sort=need", ann.id);
        let (st, page) = s.text(&anns).await;
        assert_eq!(st, 200);
        assert_eq!(row_ids(&page), ids, "no needs: by name");
        assert!(page.contains("3 clients · 0 open risk flags · 0 overdue measures"), "{page}");

        // Cy answers the risk question: first by need, counted at once.
        api.respond(&ids[2], json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2]})).await;
        let (_, page) = s.text(&anns).await;
        assert_eq!(row_ids(&page), [ids[2].clone(), ids[0].clone(), ids[1].clone()]);
        assert!(page.contains("3 clients · 1 open risk flag · 0 overdue measures"), "{page}");
        // Ben's course holds two sessions without its measures: overdue.
        overdue_measures_for(&api, &ids[1]).await;
        let (_, page) = s.text(&anns).await;
        assert_eq!(row_ids(&page), [ids[2].clone(), ids[1].clone(), ids[0].clone()]);
        assert!(page.contains("3 clients · 1 open risk flag · 2 overdue measures"), "{page}");
        // By name the order is unchanged, and Ann's own page counts the same.
        assert_eq!(row_ids(&s.text("/clients").await.1), ids);
        let (_, own) = app.browser_as("ann@clinic.example").await.text("/clients").await;
        assert_eq!(row_ids(&own), ids);
    })
    .await;
}

/// The caseload lists (decision 58) follow supervision and archiving at
/// once: a supervisor given a clinician lists that clinician's clients, with
/// their needs, on the very next page; taken away, they are gone; an
/// archived client moves from the active list to the archived one.
#[tokio::test]
async fn the_caseload_follows_supervision_and_archiving_at_once() {
    on_each_backend(|app| async move {
        let ann = app.user("ann@clinic.example", Role::Clinician).await;
        let bob = app.user("bob@clinic.example", Role::Clinician).await;
        let sup = app.user("sup@clinic.example", Role::Supervisor).await;
        let api = Api::new(&app, &ann).await;
        let mut ids = Vec::new();
        for name in ["Ada", "Ben", "Cy"] {
            ids.push(api.new_client(name).await);
        }
        api.respond(&ids[1], json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2]})).await;
        let bobs = Api::new(&app, &bob).await.new_client("Dee").await;
        let s = app.browser_as("sup@clinic.example").await;
        let (st, page) = s.text("/clients?sort=need").await;
        assert_eq!(st, 200);
        assert!(row_ids(&page).is_empty(), "no supervisees, no clients: {page}");

        let supervise = |who: Vec<Id>| {
            let (store, sup) = (app.store.clone(), sup.id.clone());
            async move { store.set_supervisees(&sup, &who, test_event("user.update"), &[]).await.unwrap() }
        };
        supervise(vec![ann.id.clone()]).await;
        let (_, page) = s.text("/clients?sort=need").await;
        assert_eq!(row_ids(&page), [ids[1].clone(), ids[0].clone(), ids[2].clone()], "Ben's risk first");
        supervise(vec![ann.id.clone(), bob.id.clone()]).await;
        let (_, page) = s.text("/clients").await;
        assert_eq!(row_ids(&page), [ids[0].clone(), ids[1].clone(), ids[2].clone(), bobs.clone()]);
        supervise(vec![bob.id.clone()]).await;
        let (_, page) = s.text("/clients").await;
        assert_eq!(row_ids(&page), std::slice::from_ref(&bobs), "Ann's clients gone with her supervision");

        // Ann archives Ada: off her active list, on her archived one.
        let b = app.browser_as("ann@clinic.example").await;
        let r = b.submit(&format!("/clients/{}", ids[0]), &format!("/clients/{}/archive", ids[0]), &[]).await;
        assert!(r.status().is_success() || r.status().is_redirection(), "{}", r.status());
        assert_eq!(row_ids(&b.text("/clients").await.1), [ids[1].clone(), ids[2].clone()]);
        assert_eq!(row_ids(&b.text("/clients?status=archived").await.1), [ids[0].clone()]);
    })
    .await;
}

/// The pass a server makes at start works out every stale row of every list
/// (here all of them, as after a change of configuration), a few clients per
/// transaction, so no first page has a caseload to work out; what it keeps is
/// what the pages would have worked out.
#[tokio::test]
async fn the_start_up_pass_works_out_every_list_before_any_page() {
    on_each_backend(|app| async move {
        let (ann, sup, api, ids) = ann_supervised_with_clients(&app, &["Ada", "Ben", "Cy", "Dee", "Eve"]).await;
        api.respond(&ids[2], json!({"instrument": "phq9", "answers": [1, 1, 1, 1, 1, 1, 1, 1, 2]})).await;
        overdue_measures_for(&api, &ids[1]).await;
        // Needs kept under another configuration: every row is to be worked out again.
        assert!(app.store.caseload_needs_under("another configuration").await.unwrap());
        for viewer in [&ann.id, &sup.id] {
            assert_eq!(app.store.stale_caseload_cards(viewer).await.unwrap().len(), 5);
        }
        let state = rapport_app::AppState::new(
            app.store.clone(),
            rapport_app::Config { settings_ttl: std::time::Duration::ZERO, ..Default::default() },
        );
        let kept = rapport_app::clients::work_out_stale_needs(&state, 2).await.unwrap();
        assert_eq!(kept, 10, "five clients on two lists");
        for viewer in [&ann.id, &sup.id] {
            assert!(app.store.stale_caseload_cards(viewer).await.unwrap().is_empty(), "nothing left stale");
        }
        // Nothing left to do: a second pass keeps nothing.
        assert_eq!(rapport_app::clients::work_out_stale_needs(&state, 2).await.unwrap(), 0);
        // What was kept is what a page shows: Cy's risk answer first, Ben's overdue measures next.
        let s = app.browser_as("sup@clinic.example").await;
        let (st, page) = s.text(&format!("/clients?clinician={}&sort=need", ann.id)).await;
        assert_eq!(st, 200);
        assert_eq!(row_ids(&page)[..2], [ids[2].clone(), ids[1].clone()]);
        assert!(page.contains("5 clients · 1 open risk flag · 2 overdue measures"), "{page}");
    })
    .await;
}

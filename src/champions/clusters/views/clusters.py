"""Pages for virtual clusters: the list with suggestions, a cluster with its feed, and the
members' actions (join, post, state a need) and the coordinator's decisions."""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from champions.core.errors import NotFound
from champions.core.forms import form_done
from champions.core.http import file_download, not_found_as_404
from champions.registry.selectors import enterprises_represented

from .. import selectors, services
from ..forms import EnterpriseForm, NeedForm, PostForm


@require_GET
def cluster_list_view(request):
    enterprises = enterprises_represented(user=request.user)
    suggestions = [(e, selectors.cluster_suggestions(enterprise=e)) for e in enterprises[:3]]
    context = {"clusters": selectors.cluster_list(), "suggestions": suggestions}
    return render(request, "clusters/cluster_list.html", context)


def _cluster_context(request, cluster, **forms) -> dict:
    user = request.user
    enterprises = enterprises_represented(user=user)
    context = {
        "cluster": cluster,
        "feed": selectors.cluster_feed(cluster=cluster, user=user)[:50],
        "members": selectors.cluster_members(cluster=cluster),
        "is_member": selectors.user_is_member(cluster=cluster, user=user),
        "pending": selectors.memberships_pending(cluster=cluster, user=user),
        "my_memberships": selectors.user_memberships(cluster=cluster, user=user),
        "needs": selectors.cluster_common_needs(cluster=cluster),
        "join_form": EnterpriseForm(prefix="join", enterprises=enterprises),
        "post_form": PostForm(prefix="post"),
        "need_form": NeedForm(
            prefix="need",
            enterprises=[
                e
                for e in enterprises
                if e.pk in selectors.member_enterprise_ids(cluster=cluster, user=user)
            ],
        ),
        "enterprises": enterprises,
    }
    context.update(forms)
    return context


@require_GET
@not_found_as_404
def cluster_detail_view(request, cluster_id: int):
    cluster = selectors.cluster_get(cluster_id=cluster_id)
    return render(request, "clusters/cluster_detail.html", _cluster_context(request, cluster))


def _invalid(request, cluster, name: str, form):
    return render(
        request,
        "clusters/cluster_detail.html",
        _cluster_context(request, cluster, **{name: form}),
        status=400,
    )


def _cluster_action(request, cluster_id: int, name: str, form, do, done: str):
    """A member's action on the cluster page: `do(actor, cluster_id, form)` on a valid form,
    then back to the cluster with `done`; else the page again with the form's errors."""
    cluster = selectors.cluster_get(cluster_id=cluster_id)
    if not form_done(form, partial(do, request.user, cluster.pk)):
        return _invalid(request, cluster, name, form)
    messages.success(request, done)
    return redirect("web:clusters:cluster_detail", cluster.pk)


def _join(actor, cluster_id: int, form: EnterpriseForm):
    enterprise_id = form.cleaned_data["enterprise"]
    return services.cluster_join_request(
        actor=actor, cluster_id=cluster_id, enterprise_id=enterprise_id
    )


def _post(actor, cluster_id: int, form: PostForm):
    upload = form.cleaned_data["document"]
    return services.cluster_post_create(
        actor=actor, cluster_id=cluster_id, data=form.to_input(), upload=upload
    )


def _need(actor, cluster_id: int, form: NeedForm):
    data = form.cleaned_data
    return services.cluster_need_add(
        actor=actor, cluster_id=cluster_id, enterprise_id=data["enterprise"], kind=data["kind"]
    )


@login_required
@require_POST
@not_found_as_404
def cluster_join_view(request, cluster_id: int):
    enterprises = enterprises_represented(user=request.user)
    form = EnterpriseForm(request.POST, prefix="join", enterprises=enterprises)
    done = _("Your request to join is sent to the coordinator.")
    return _cluster_action(request, cluster_id, "join_form", form, _join, done)


@login_required
@require_POST
@not_found_as_404
def cluster_post_view(request, cluster_id: int):
    form = PostForm(request.POST, request.FILES, prefix="post")
    return _cluster_action(request, cluster_id, "post_form", form, _post, _("Posted."))


@login_required
@require_POST
@not_found_as_404
def cluster_need_view(request, cluster_id: int):
    enterprises = enterprises_represented(user=request.user)
    form = NeedForm(request.POST, prefix="need", enterprises=enterprises)
    done = _("The need is added to the cluster's list.")
    return _cluster_action(request, cluster_id, "need_form", form, _need, done)


@login_required
@require_POST
@not_found_as_404
def membership_decide_view(request, membership_id: int):
    membership = services.membership_decide(
        actor=request.user,
        membership_id=membership_id,
        approve=request.POST.get("decision") == "approve",
    )
    messages.success(request, _("Decision saved."))
    return redirect("web:clusters:cluster_detail", membership.cluster_id)


@require_GET
@not_found_as_404
def cluster_document_view(request, post_id: int):
    post = selectors.cluster_post_get_for_user(user=request.user, post_id=post_id)
    if not post.document:
        raise NotFound(_("No such document."))
    return file_download(post.document, name=post.document_name, content_type=post.document_type)

"""Serving the media library's images with safe headers."""

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Only image files are served from /media/; documents go through Wagtail's serve view
# (/tai-lieu/...), which applies privacy rules and attachment headers.
IMAGE_FOLDERS = ("original_images/", "images/")
IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".avif": "image/avif",
}


def serve_media(request, path):
    """Serve an image of the media library, never anything a browser would run as a page.

    The type comes from our own table rather than the file (an allowed image extension only),
    and the response forbids sniffing and any active content, so even a crafted file in the
    media folder cannot run script on the portal's domain.
    """
    extension = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if not path.startswith(IMAGE_FOLDERS) or extension not in IMAGE_TYPES:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Content-Type"] = IMAGE_TYPES[extension]
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response

function Write-OrcDefinitionFile {
    <#
    .SYNOPSIS
        Writes a definition file atomically: a temporary file in the same folder, renamed into place.
    .DESCRIPTION
        A reader (Sync-OrcTask, Register-OrcTask -Path) sees the old file or the new one, never a part.
        The temporary file is removed when the write fails. The caller decides about overwriting.
    .PARAMETER Path
        The file to write.
    .PARAMETER Text
        The file's text.
    .PARAMETER Encoding
        The encoding; UTF-8 without a byte order mark by default.
    .EXAMPLE
        Write-OrcDefinitionFile -Path ./tasks/db-export.json -Text $json
    .OUTPUTS
        None.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [Parameter(Mandatory)]
        [string] $Text,

        [System.Text.Encoding] $Encoding = (New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false)
    )

    if (-not $PSCmdlet.ShouldProcess($Path, 'Write the definition file')) { return }
    $temp = "$Path.$([guid]::NewGuid().ToString('N')).tmp"
    try {
        [System.IO.File]::WriteAllText($temp, $Text, $Encoding)
        if ([System.IO.File]::Exists($Path)) {
            [System.IO.File]::Replace($temp, $Path, [NullString]::Value)
        }
        else {
            [System.IO.File]::Move($temp, $Path)
        }
    }
    finally {
        if ([System.IO.File]::Exists($temp)) { [System.IO.File]::Delete($temp) }
    }
}

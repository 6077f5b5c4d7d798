function Write-OrcCronTable {
    <#
    .SYNOPSIS
        Replaces the target crontab with new content in one operation.
    .DESCRIPTION
        The content is a Latin-1 string (one char per byte, as Read-OrcCronTable returns it).
        File targets are written to a temp file in the same folder (a dot name, which cron
        ignores), given mode 0644 (or the file's current mode), then renamed over the target, so
        cron never reads half a file. /etc/cron.d/orchestrator is removed when it becomes empty.
        The user crontab is installed with 'crontab <tempfile>' (or removed with 'crontab -r' when
        empty), which is atomic in cron itself.
    .PARAMETER Target
        The object from Get-OrcCronTarget.
    .PARAMETER Content
        The whole new crontab.
    .EXAMPLE
        Write-OrcCronTable -Target $target -Content $text
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [pscustomobject] $Target,

        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Content
    )

    $latin1 = [System.Text.Encoding]::GetEncoding(28591)
    $bytes = $latin1.GetBytes($Content)

    if ($Target.Kind -eq 'File') {
        $path = $Target.Path
        if ($bytes.Length -eq 0 -and $path -eq '/etc/cron.d/orchestrator') {
            Remove-Item -LiteralPath $path -Force -ErrorAction SilentlyContinue -WhatIf:$false -Confirm:$false
            return
        }
        $dir = [System.IO.Path]::GetDirectoryName($path)
        $temp = Join-Path $dir ('.' + [System.IO.Path]::GetFileName($path) + '.' + [guid]::NewGuid().ToString('N') + '.tmp')
        $mode = [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead, OtherRead' # 5.1-fallback: cron backend, never chosen where Test-OrcWindows is true
        if (Test-Path -LiteralPath $path -PathType Leaf) {
            $mode = [System.IO.File]::GetUnixFileMode($path) # 5.1-fallback: cron backend, never chosen where Test-OrcWindows is true
        }
        try {
            [System.IO.File]::WriteAllBytes($temp, $bytes)
            [System.IO.File]::SetUnixFileMode($temp, $mode) # 5.1-fallback: cron backend, never chosen where Test-OrcWindows is true
            [System.IO.File]::Move($temp, $path, $true) # 5.1-fallback: cron backend, never chosen where Test-OrcWindows is true
        }
        catch {
            Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue -WhatIf:$false -Confirm:$false
            throw (New-OrcErrorRecord -ErrorId 'Orc.CronWriteFailed' -Category WriteError -TargetObject $path -Message (
                    "Could not write $($path): $($_.Exception.Message)"))
        }
        return
    }

    $saved = if (Test-Path variable:global:LASTEXITCODE) { $global:LASTEXITCODE } else { 0 }
    $temp = [System.IO.Path]::GetTempFileName()
    try {
        if ($bytes.Length -eq 0) {
            $out = & crontab -r 2>&1
            if ($LASTEXITCODE -ne 0 -and "$out" -notmatch 'no crontab') {
                throw (New-OrcErrorRecord -ErrorId 'Orc.CronWriteFailed' -Category WriteError -TargetObject $Target.Description -Message (
                        "'crontab -r' failed with exit code $($LASTEXITCODE): $out"))
            }
            return
        }
        [System.IO.File]::SetUnixFileMode($temp, [System.IO.UnixFileMode]'UserRead, UserWrite') # 5.1-fallback: cron backend, never chosen where Test-OrcWindows is true
        [System.IO.File]::WriteAllBytes($temp, $bytes)
        $out = & crontab $temp 2>&1
        if ($LASTEXITCODE -ne 0) {
            throw (New-OrcErrorRecord -ErrorId 'Orc.CronWriteFailed' -Category WriteError -TargetObject $Target.Description -Message (
                    "'crontab' refused the new crontab (exit code $($LASTEXITCODE)): $out. Nothing was changed."))
        }
    }
    finally {
        Remove-Item -LiteralPath $temp -Force -ErrorAction SilentlyContinue -WhatIf:$false -Confirm:$false
        $global:LASTEXITCODE = $saved
    }
}

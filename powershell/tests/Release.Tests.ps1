# One version everywhere (VERSION, the manifest, orc-exec version), and what a gallery package needs.
BeforeAll {
    $script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:Version = ([System.IO.File]::ReadAllText((Join-Path $Root 'VERSION'))).Trim()
    $script:Manifest = Import-PowerShellDataFile -Path (Join-Path $Root 'Orchestrator.psd1')
}

Describe 'The release metadata' {
    It 'VERSION is a semantic version' {
        $Version | Should -Match '^\d+\.\d+\.\d+$'
    }

    It 'the manifest''s ModuleVersion is VERSION' {
        $Manifest.ModuleVersion | Should -Be $Version
    }

    It 'orc-exec built by build.ps1 reports VERSION' -Skip:(-not $env:ORC_EXEC_PATH) {
        (& $env:ORC_EXEC_PATH version --output json | ConvertFrom-Json).version | Should -Be $Version
    }

    It 'CHANGELOG.md has a Keep a Changelog section for VERSION with a date and a link' {
        $changelog = [System.IO.File]::ReadAllText((Join-Path $Root 'CHANGELOG.md'))
        $changelog | Should -Match ('(?m)^## \[{0}\] - \d{{4}}-\d{{2}}-\d{{2}}$' -f [regex]::Escape($Version))
        $changelog | Should -Match ('(?m)^\[{0}\]: https://' -f [regex]::Escape($Version))
        $changelog | Should -Match '(?m)^## \[Unreleased\]$'
    }

    It 'LICENSE is the MIT license the manifest points at' {
        [System.IO.File]::ReadAllText((Join-Path $Root 'LICENSE')) | Should -Match '^MIT License'
        $Manifest.PrivateData.PSData.LicenseUri | Should -Match '^https://.+/LICENSE$'
    }

    It 'PSData has <Field>' -ForEach @(
        @{ Field = 'LicenseUri' }, @{ Field = 'ProjectUri' }, @{ Field = 'ReleaseNotes' }, @{ Field = 'Tags' }
    ) {
        $Manifest.PrivateData.PSData[$Field] | Should -Not -BeNullOrEmpty
    }

    It 'gallery tags have no spaces (PowerShellGet refuses them)' {
        foreach ($tag in $Manifest.PrivateData.PSData.Tags) { $tag | Should -Not -Match '\s' }
    }
}

Describe 'The built package' -Skip:(-not (Test-Path (Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path 'out/package/Orchestrator'))) {
    BeforeAll {
        $script:Folder = Join-Path $Root "out/package/Orchestrator/$Version"
    }

    It 'is Orchestrator/<VERSION>/ with a manifest that says VERSION and the release notes of CHANGELOG.md' {
        $m = Test-ModuleManifest -Path (Join-Path $Folder 'Orchestrator.psd1') -ErrorAction Stop
        "$($m.Version)" | Should -Be $Version
        $m.PrivateData.PSData.ReleaseNotes | Should -Match 'First release'
    }

    It 'holds orc-exec for <Rid>, and Get-OrcExecutablePath finds it there' -ForEach @(
        @{ Rid = 'win-x64'; Exe = 'orc-exec.exe' }, @{ Rid = 'win-arm64'; Exe = 'orc-exec.exe' }, @{ Rid = 'linux-x64'; Exe = 'orc-exec' }, @{ Rid = 'osx-arm64'; Exe = 'orc-exec' }
    ) {
        Join-Path $Folder "bin/$Rid/$Exe" | Should -Exist
        $saved = $env:ORC_EXEC_PATH
        Import-Module (Join-Path $Root 'Orchestrator.psd1') -Force
        try {
            $env:ORC_EXEC_PATH = ''
            Mock -ModuleName Orchestrator Get-OrcRuntimeId { $Rid }
            $found = InModuleScope Orchestrator -Parameters @{ Folder = $Folder } { param($Folder)
                $was = $script:ModuleRoot; $script:ModuleRoot = $Folder
                try { Get-OrcExecutablePath } finally { $script:ModuleRoot = $was } }
            $found | Should -Be (Join-Path (Join-Path (Join-Path $Folder 'bin') $Rid) $Exe)
        }
        finally {
            $env:ORC_EXEC_PATH = $saved
            Remove-Module Orchestrator -Force -ErrorAction SilentlyContinue
        }
    }

    It 'holds no tests and no repository-only files' {
        Join-Path $Folder 'powershell/tests' | Should -Not -Exist
        @(Get-ChildItem -Path $Folder -Recurse -File -Filter '*.Tests.ps1') | Should -HaveCount 0
    }

    It 'signs every script and manifest with a PowerShell signature block' {
        $files = @(Get-ChildItem -Path $Folder -Recurse -File | Where-Object Extension -In '.ps1', '.psm1', '.psd1')
        $files.Count | Should -BeGreaterThan 10
        foreach ($file in $files) {
            [System.IO.File]::ReadAllText($file.FullName) | Should -Match '# SIG # Begin signature block' -Because $file.FullName
        }
    }

    It 'has a .nupkg with the nuspec, the OPC parts and the module files at its root' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead((Join-Path $Root "out/package/Orchestrator.$Version.nupkg"))
        try {
            $names = @($zip.Entries | ForEach-Object FullName)
            foreach ($name in 'Orchestrator.nuspec', '[Content_Types].xml', '_rels/.rels', 'Orchestrator.psd1', 'powershell/Orchestrator.psm1', 'bin/win-x64/orc-exec.exe', 'bin/win-arm64/orc-exec.exe') {
                $names | Should -Contain $name
            }
            $reader = New-Object System.IO.StreamReader ($zip.GetEntry('Orchestrator.nuspec').Open())
            [xml] $nuspec = $reader.ReadToEnd()
            $reader.Dispose()
            $nuspec.package.metadata.version | Should -Be $Version
            $nuspec.package.metadata.tags | Should -Match 'PSModule'
        }
        finally { $zip.Dispose() }
    }
}
